import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import '../i18n/index.ts';
import { GoalTargetPicker, tagsError } from './GoalTargetPicker.tsx';

const invalid = new ApiError(400, {
  code: 'invalid',
  message: 'Kontrollera fälten.',
  fields: { title: 'Ange en rubrik.', 'targets.2': 'Okänt delmål.' },
  requestId: 'req-1',
});

describe('the goal and target picker', () => {
  it('takes the first problem on goals or targets, by index too, and nothing else', () => {
    expect(tagsError(invalid)).toBe('Okänt delmål.');
    expect(tagsError(new ApiError(400, { code: 'invalid', message: 'x', fields: { goals: 'För många mål.' } }))).toBe('För många mål.');
    expect(tagsError(new ApiError(400, { code: 'invalid', message: 'x', fields: { targetsNote: 'inte taggar' } }))).toBeUndefined();
    expect(tagsError(new Error('nätverk'))).toBeUndefined();
    expect(tagsError(null)).toBeUndefined();
  });

  it('shows the problem at the picker, tied to the group, with the id the error summary links to', () => {
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <GoalTargetPicker scope="event" goals={[11]} targets={['11.3']} onChange={() => undefined} error="Okänt delmål." />
      </QueryClientProvider>,
    );
    expect(html).toContain('id="event-targets"');
    expect(html).toMatch(/aria-describedby="([^"]+)-error"/);
    expect(html).toContain('Okänt delmål.');
  });
});
