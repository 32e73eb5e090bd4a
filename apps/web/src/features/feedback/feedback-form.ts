import type { FeedbackForm, FeedbackQuestionKind, feedbackFormUpdate } from '@samhandling/contracts';
import type { z } from 'zod';
import { rowKey } from '../plans/measure-form.ts';

/**
 * The feedback form editor's draft: questions as the form holds them (choices one per line, the
 * scale's two end words), and the step from draft to the body the API takes.
 */

export interface QuestionDraft {
  key: string;
  /** The id the server gave the question; answers are stored by it. */
  id: string | undefined;
  kind: FeedbackQuestionKind;
  text: string;
  required: boolean;
  low: string;
  high: string;
  options: string;
  /** Saved on a form that has answers: kept, with its kind and options. */
  locked: boolean;
}
export interface FeedbackFormDraft {
  eventId: string;
  processId: string;
  stepId: string;
  title: string;
  intro: string;
  askSector: boolean;
  askAgeGroup: boolean;
  questions: QuestionDraft[];
}

export const DEFAULT_LOW = 'Inte alls';
export const DEFAULT_HIGH = 'Helt och hållet';

export const emptyQuestion = (kind: FeedbackQuestionKind = 'scale'): QuestionDraft => ({
  key: rowKey(),
  id: undefined,
  kind,
  text: '',
  required: false,
  low: kind === 'scale' ? DEFAULT_LOW : '',
  high: kind === 'scale' ? DEFAULT_HIGH : '',
  options: '',
  locked: false,
});

/** A draft for a new form (on an event) or of a saved one; `answered` locks its questions. */
export function feedbackDraftOf(form?: FeedbackForm, answered = false, eventId = ''): FeedbackFormDraft {
  if (!form)
    return {
      eventId,
      processId: '',
      stepId: '',
      title: '',
      intro: '',
      askSector: true,
      askAgeGroup: true,
      questions: [emptyQuestion('scale'), emptyQuestion('text')],
    };
  return {
    eventId: form.eventId ?? '',
    processId: form.processId ?? '',
    stepId: form.stepId ?? '',
    title: form.title,
    intro: form.intro,
    askSector: form.askSector,
    askAgeGroup: form.askAgeGroup,
    questions: form.questions.map((q) => ({
      key: rowKey(),
      id: q.id,
      kind: q.kind,
      text: q.text,
      required: q.required,
      low: q.scaleLabels?.[0] ?? '',
      high: q.scaleLabels?.[1] ?? '',
      options: q.options.join('\n'),
      locked: answered,
    })),
  };
}

export const optionsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export type FeedbackFormBody = z.input<typeof feedbackFormUpdate>;

export function feedbackBodyOf(d: FeedbackFormDraft): FeedbackFormBody {
  return {
    title: d.title,
    intro: d.intro,
    askSector: d.askSector,
    askAgeGroup: d.askAgeGroup,
    ...(d.processId ? { processId: d.processId, ...(d.stepId ? { stepId: d.stepId } : {}) } : {}),
    questions: d.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      text: q.text,
      required: q.required,
      ...(q.kind === 'scale' ? { scaleLabels: [q.low.trim() || DEFAULT_LOW, q.high.trim() || DEFAULT_HIGH] as [string, string] } : {}),
      ...(q.kind === 'single' || q.kind === 'multiple' ? { options: optionsOf(q.options) } : {}),
    })),
  };
}
