import { z } from 'zod';
import { ageGroup } from './actors.ts';
import { submitterSector } from './inputs.ts';
import { line } from './common.ts';

export const feedbackQuestionKind = z.enum(['scale', 'single', 'multiple', 'text']);
export type FeedbackQuestionKind = z.infer<typeof feedbackQuestionKind>;

const questionId = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'validation.slug' });

export const feedbackQuestionInput = z.strictObject({
  id: questionId.optional(),
  kind: feedbackQuestionKind,
  text: line().min(2).max(300),
  required: z.boolean().default(false),
  /** For scale: the words at 1 and 5 (e.g. "Inte alls" … "Mycket"). */
  scaleLabels: z.tuple([line().max(60), line().max(60)]).nullable().optional(),
  /** For single and multiple choice. */
  options: z.array(line().min(1).max(200)).max(12).optional(),
});
export const feedbackFormInput = z.strictObject({
  title: line().min(2).max(200),
  intro: z.string().trim().max(2000).default(''),
  questions: z.array(feedbackQuestionInput).min(1).max(30),
  /** Whether the form asks for the respondent's sector and age group (both optional to answer). */
  askSector: z.boolean().default(true),
  askAgeGroup: z.boolean().default(true),
  /** The process step the session belongs to (e.g. TALKO's test session). */
  processId: z.uuid().optional(),
  stepId: questionId.optional(),
  /** Copy the questions of this form: its sessions are then compared side by side. */
  copyOf: z.uuid().optional(),
});

/**
 * A form rewritten in full. Once it has answers, its questions keep their ids, kinds and options
 * (new options go last) and none is removed: texts, labels, order and new questions may change.
 */
export const feedbackFormUpdate = feedbackFormInput.omit({ copyOf: true });

export const feedbackQuestion = z.object({
  id: z.string(),
  kind: feedbackQuestionKind,
  text: z.string(),
  required: z.boolean(),
  scaleLabels: z.tuple([z.string(), z.string()]).nullable(),
  options: z.array(z.string()),
});
export type FeedbackQuestion = z.infer<typeof feedbackQuestion>;

/** The form as a participant sees it: no account, opened by link or QR code. */
export const feedbackForm = z.object({
  id: z.string(),
  spaceId: z.string(),
  seriesId: z.string(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  municipalityName: z.string().nullable(),
  processId: z.string().nullable(),
  stepId: z.string().nullable(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(feedbackQuestion),
  askSector: z.boolean(),
  askAgeGroup: z.boolean(),
  createdAt: z.string(),
});
export type FeedbackForm = z.infer<typeof feedbackForm>;

export const feedbackAnswerValue = z.union([z.number().int().min(1).max(5), z.string().trim().max(4000), z.array(z.string().max(200)).max(12)]);
export const feedbackAnswerInput = z.strictObject({
  /** A key the phone makes once per participant and form: a retry never counts twice. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, { message: 'validation.idempotency_key' }),
  sector: submitterSector.nullable().optional(),
  ageGroup: ageGroup.nullable().optional(),
  answers: z.record(questionId, feedbackAnswerValue),
});
export const feedbackAnswerReceipt = z.object({ id: z.string(), duplicate: z.boolean() });

export const questionResult = z.object({
  questionId: z.string(),
  kind: feedbackQuestionKind,
  text: z.string(),
  n: z.number(),
  /** scale: counts for 1..5; choices: counts per option (in option order). */
  distribution: z.array(z.object({ label: z.string(), count: z.number() })),
  mean: z.number().nullable(),
  texts: z.array(z.string()),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const feedbackResults = z.object({
  form: feedbackForm,
  respondents: z.number(),
  bySector: z.record(z.string(), z.number()),
  byAgeGroup: z.record(z.string(), z.number()),
  questions: z.array(questionResult),
  /** Every session asking the same questions (forms copied from one another), side by side. */
  comparison: z.array(
    z.object({
      formId: z.string(),
      title: z.string(),
      eventTitle: z.string().nullable(),
      municipalityName: z.string().nullable(),
      startsAt: z.string().nullable(),
      respondents: z.number(),
      means: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type FeedbackResults = z.infer<typeof feedbackResults>;
export const feedbackResultsQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const feedbackChangeInput = z.strictObject({
  date: z.iso.date(),
  change: z.string().trim().min(2).max(2000),
  /** What feedback led to it (e.g. "Test session in Sorsele: the form was too long"). */
  reason: z.string().trim().min(2).max(2000),
  formId: z.uuid().nullable().optional(),
});
export const feedbackChangeParams = z.object({ id: z.uuid(), changeId: z.uuid() });
export const feedbackChange = z.object({
  id: z.string(),
  spaceId: z.string(),
  date: z.string(),
  change: z.string(),
  reason: z.string(),
  formId: z.string().nullable(),
  formTitle: z.string().nullable(),
  createdAt: z.string(),
});
export type FeedbackChange = z.infer<typeof feedbackChange>;

export const feedbackFormListItem = z.object({
  id: z.string(),
  seriesId: z.string(),
  title: z.string(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  municipalityName: z.string().nullable(),
  respondents: z.number(),
  createdAt: z.string(),
});
