import type { ProcessTemplate } from '@samhandling/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { atFormFields, emptyMaterial, emptyPhase, emptyStep, move, templateBodyOf, templateDraftOf } from './template-form.ts';

const TEMPLATE: Pick<ProcessTemplate, 'name' | 'description' | 'phases'> = {
  name: 'Byaplan',
  description: 'Från behov till plan',
  phases: [
    {
      id: 'behov',
      title: 'Behov',
      steps: [
        {
          id: 'samla',
          title: 'Samla behov',
          guidance: { what: 'Bygdemöten', why: 'Planen bygger på byarna', who: 'Arbetsgruppen', duration: '4 veckor' },
          checklist: ['Bygdemöte', 'Formulär ute'],
          material: [
            { title: 'Metod', url: '/library/7a1c0000-0000-4000-8000-000000000009', libraryItemId: '7a1c0000-0000-4000-8000-000000000009' },
            { title: 'Mall', url: 'https://example.org/mall' },
          ],
          criterion: { kind: 'inputs_collected', min: 12 },
          dueAfterDays: 45,
        },
      ],
    },
  ],
};

describe('the template editor’s form', () => {
  it('gives back what it was given: ids kept, library material by item, a checklist line per item', () => {
    const { body, problems } = templateBodyOf(templateDraftOf(TEMPLATE));
    expect(problems).toEqual({});
    expect(body).toEqual({
      name: 'Byaplan',
      description: 'Från behov till plan',
      phases: [
        {
          id: 'behov',
          title: 'Behov',
          steps: [
            {
              id: 'samla',
              title: 'Samla behov',
              guidance: { what: 'Bygdemöten', why: 'Planen bygger på byarna', who: 'Arbetsgruppen', duration: '4 veckor' },
              checklist: ['Bygdemöte', 'Formulär ute'],
              material: [{ title: 'Metod', libraryItemId: '7a1c0000-0000-4000-8000-000000000009' }, { title: 'Mall', url: 'https://example.org/mall' }],
              criterion: { kind: 'inputs_collected', min: 12 },
              dueAfterDays: 45,
            },
          ],
        },
      ],
    });
  });

  it('sends new steps without ids, drops empty checklist lines, and a threshold only where the criterion takes one', () => {
    const draft = templateDraftOf();
    const step = { ...emptyStep(), title: 'Kick-off', checklist: 'Bjud in\n\n  Boka lokal  \n', criterion: 'event_held' as const, min: '7', eventKind: 'kick_off', dueAfterDays: '30' };
    draft.phases = [{ ...emptyPhase(), title: 'Start', steps: [step, { ...emptyStep(), title: 'Manuellt', material: [{ ...emptyMaterial(), title: 'Bara en titel' }] }] }];
    const { body } = templateBodyOf(draft);
    expect(body.phases[0]).toEqual({
      title: 'Start',
      steps: [
        { title: 'Kick-off', guidance: { what: '', why: '', who: '', duration: '' }, checklist: ['Bjud in', 'Boka lokal'], material: [], criterion: { kind: 'event_held', eventKind: 'kick_off' }, dueAfterDays: 30 },
        { title: 'Manuellt', guidance: { what: '', why: '', who: '', duration: '' }, checklist: [], material: [{ title: 'Bara en titel' }], criterion: null, dueAfterDays: 30 },
      ],
    });
  });

  it('finds numbers that are not whole numbers before anything is sent, at the API’s field paths', () => {
    const draft = templateDraftOf(TEMPLATE);
    draft.phases[0]!.steps[0] = { ...draft.phases[0]!.steps[0]!, min: 'tolv', dueAfterDays: '2,5' };
    expect(templateBodyOf(draft).problems).toEqual({ 'phases.0.steps.0.criterion.min': 'number', 'phases.0.steps.0.dueAfterDays': 'wholeNumber' });
    draft.phases[0]!.steps[0] = { ...draft.phases[0]!.steps[0]!, min: '', dueAfterDays: '' };
    const { body, problems } = templateBodyOf(draft);
    expect(problems).toEqual({});
    expect(body.phases[0]!.steps[0]).toMatchObject({ criterion: { kind: 'inputs_collected' } });
    expect(body.phases[0]!.steps[0]).not.toHaveProperty('dueAfterDays');
  });

  it('moves an item up and down, and not past either end', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    const list = ['a', 'b'];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 1)).toBe(list);
  });

  it('tells a checklist line’s or an option’s problem at the one field the form has for them', () => {
    const error = atFormFields(
      new ApiError(400, { code: 'invalid', message: 'Fel', fields: { 'phases.0.steps.1.checklist.3': 'För lång', 'phases.0.steps.1.checklist.4': 'Tom', 'questions.2.options.1': 'Tom', name: 'Saknas' } }),
    ) as ApiError;
    expect(error.fields).toEqual({ 'phases.0.steps.1.checklist': 'För lång', 'questions.2.options': 'Tom', name: 'Saknas' });
  });
});
