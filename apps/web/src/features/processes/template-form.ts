import type { CriterionKind, ProcessTemplate, processTemplateUpdate } from '@samhandling/contracts';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { parseSwedishNumber, rowKey } from '../plans/measure-form.ts';

/**
 * The template editor's draft: phases and steps as the form holds them (numbers as typed text, a
 * checklist as one line per item), the moves a keyboard user makes with buttons, and the step from
 * draft to the PUT/POST body, which finds the numbers that are not numbers before anything is sent.
 */

export interface MaterialDraft {
  key: string;
  title: string;
  url: string;
  /** '' for a link that is not a library item. */
  libraryItemId: string;
}
export interface StepDraft {
  key: string;
  /** The id the server gave the step; kept so that a rewrite keeps what refers to it. */
  id: string | undefined;
  title: string;
  what: string;
  why: string;
  who: string;
  duration: string;
  checklist: string;
  material: MaterialDraft[];
  /** '' for a criterion a facilitator ticks by hand. */
  criterion: CriterionKind | '';
  min: string;
  eventKind: string;
  dueAfterDays: string;
}
export interface PhaseDraft {
  key: string;
  id: string | undefined;
  title: string;
  steps: StepDraft[];
}
export interface TemplateDraft {
  name: string;
  description: string;
  phases: PhaseDraft[];
}

/** The criteria kinds that take a threshold, and the threshold the server assumes without one. */
export const CRITERION_MIN: Partial<Record<CriterionKind, number>> = {
  working_group_complete: 4,
  inputs_collected: 10,
  test_session_feedback: 5,
};

export const emptyMaterial = (): MaterialDraft => ({ key: rowKey(), title: '', url: '', libraryItemId: '' });
export const emptyStep = (): StepDraft => ({
  key: rowKey(),
  id: undefined,
  title: '',
  what: '',
  why: '',
  who: '',
  duration: '',
  checklist: '',
  material: [],
  criterion: '',
  min: '',
  eventKind: '',
  dueAfterDays: '30',
});
export const emptyPhase = (): PhaseDraft => ({ key: rowKey(), id: undefined, title: '', steps: [emptyStep()] });

export function templateDraftOf(template?: Pick<ProcessTemplate, 'name' | 'description' | 'phases'>): TemplateDraft {
  if (!template) return { name: '', description: '', phases: [emptyPhase()] };
  return {
    name: template.name,
    description: template.description,
    phases: template.phases.map((p) => ({
      key: rowKey(),
      id: p.id,
      title: p.title,
      steps: p.steps.map((s) => ({
        key: rowKey(),
        id: s.id,
        title: s.title,
        ...s.guidance,
        checklist: s.checklist.join('\n'),
        material: s.material.map((m) => ({
          key: rowKey(),
          title: m.title,
          url: m.libraryItemId ? '' : (m.url ?? ''),
          libraryItemId: m.libraryItemId ?? '',
        })),
        criterion: s.criterion?.kind ?? '',
        min: s.criterion?.min === undefined ? '' : String(s.criterion.min),
        eventKind: s.criterion?.eventKind ?? '',
        dueAfterDays: String(s.dueAfterDays),
      })),
    })),
  };
}

/** The list with item i moved by delta (−1 up, +1 down); the same list when it cannot move. */
export function move<T>(list: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export type TemplateBody = z.input<typeof processTemplateUpdate>;
export type TemplateProblems = Record<string, 'number' | 'wholeNumber'>;

/** The body for the draft, or the fields whose numbers cannot be read (as the API's field paths). */
export function templateBodyOf(d: TemplateDraft): { body: TemplateBody; problems: TemplateProblems } {
  const problems: TemplateProblems = {};
  const whole = (path: string, text: string): number | undefined => {
    const n = parseSwedishNumber(text);
    if (n === null) return undefined;
    if (Number.isNaN(n)) problems[path] = 'number';
    else if (!Number.isInteger(n)) problems[path] = 'wholeNumber';
    return Number.isInteger(n) ? n : undefined;
  };
  const body: TemplateBody = {
    name: d.name,
    description: d.description,
    phases: d.phases.map((p, i) => ({
      ...(p.id ? { id: p.id } : {}),
      title: p.title,
      steps: p.steps.map((s, j) => {
        const path = `phases.${i}.steps.${j}`;
        const min = s.criterion && s.criterion in CRITERION_MIN ? whole(`${path}.criterion.min`, s.min) : undefined;
        const due = whole(`${path}.dueAfterDays`, s.dueAfterDays);
        return {
          ...(s.id ? { id: s.id } : {}),
          title: s.title,
          guidance: { what: s.what, why: s.why, who: s.who, duration: s.duration },
          checklist: s.checklist
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          material: s.material.map((m) =>
            m.libraryItemId
              ? { title: m.title, libraryItemId: m.libraryItemId }
              : { title: m.title, ...(m.url.trim() ? { url: m.url.trim() } : {}) },
          ),
          criterion: s.criterion
            ? {
                kind: s.criterion,
                ...(min !== undefined ? { min } : {}),
                ...(s.criterion === 'event_held' && s.eventKind ? { eventKind: s.eventKind as never } : {}),
              }
            : null,
          ...(due !== undefined ? { dueAfterDays: due } : {}),
        };
      }),
    })),
  };
  return { body, problems };
}

/**
 * The API names a checklist line's problem `…checklist.2`; the form has one field for the whole
 * checklist, so such problems are told at that field (the first one of them).
 */
export function atFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const field = path.replace(/\.(checklist|options)\.\d+$/, '.$1').replace(/^(questions\.\d+)\.options\.\d+$/, '$1.options');
    fields[field] ??= message;
  }
  return new ApiError(error.status, {
    code: error.code,
    message: error.message,
    fields,
    ...(error.requestId ? { requestId: error.requestId } : {}),
  });
}
