import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import '../i18n/index.ts';
import { ErrorSummary, fieldError, fieldId, TextField } from './fields.tsx';

const invalid = new ApiError(400, {
  code: 'invalid',
  message: 'Kontrollera fälten.',
  fields: { name: 'Ange ett namn.', 'municipalityCodes.0': 'Okänd kommun.' },
  requestId: 'req-1',
});

describe('form helpers', () => {
  it('gives each field an id of its own, scoped when a page has two forms', () => {
    expect(fieldId('name')).toBe('field-name');
    expect(fieldId('name', 'invite')).toBe('invite-name');
  });

  it('takes a field’s message from the API’s error, and nothing from other errors', () => {
    expect(fieldError(invalid, 'name')).toBe('Ange ett namn.');
    expect(fieldError(invalid, 'description')).toBeUndefined();
    expect(fieldError(new Error('nätverk'), 'name')).toBeUndefined();
    expect(fieldError(null, 'name')).toBeUndefined();
  });

  it('ties a field’s hint and error to its control for screen readers', () => {
    const html = renderToStaticMarkup(<TextField label="Namn" name="name" hint="Som det står på skylten" error="Ange ett namn." />);
    expect(html).toContain('id="field-name"');
    expect(html).toContain('aria-describedby="field-name-hint field-name-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('id="field-name-error"');
    const calm = renderToStaticMarkup(<TextField label="Namn" name="name" />);
    expect(calm).not.toContain('aria-describedby');
    expect(calm).not.toContain('aria-invalid="true"');
  });

  it('sums up every problem with a link to its field, labelled, and no request id for a 4xx', () => {
    const html = renderToStaticMarkup(<ErrorSummary error={invalid} labels={{ name: 'Namn', 'municipalityCodes.0': 'Kommun' }} scope="space" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Kontrollera fälten.');
    expect(html).toContain('href="#space-name"');
    expect(html).toContain('Namn: Ange ett namn.');
    expect(html).toContain('href="#space-municipalityCodes.0"');
    expect(html).not.toContain('req-1');
  });

  it('shows a problem of a field the form does not have as plain text, and the request id of a server error', () => {
    const html = renderToStaticMarkup(<ErrorSummary error={invalid} labels={{ name: 'Namn' }} />);
    expect(html).toContain('<li>Okänd kommun.</li>');
    const crash = renderToStaticMarkup(<ErrorSummary error={new ApiError(500, { code: 'internal', message: 'Något gick fel.', fields: {}, requestId: 'req-500' })} />);
    expect(crash).toContain('req-500');
    expect(renderToStaticMarkup(<ErrorSummary error={null} />)).toBe('');
  });
});
