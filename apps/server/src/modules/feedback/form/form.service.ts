import { randomUUID } from 'node:crypto';
import type {
  FeedbackChange,
  FeedbackForm,
  FeedbackResults,
  feedbackAnswerInput,
  feedbackChangeInput,
  feedbackFormInput,
  feedbackFormUpdate,
} from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { writeCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { getEventForActor } from '../../dialogues/event/event.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canManageFeedback, canSeeFeedbackResults } from './form.policy.ts';
import { meanOf, presentForm, questionResult } from './form.presenter.ts';
import {
  answerCount,
  answersOf,
  deleteChange,
  findForm,
  formsOfSeries,
  formsOfSpace,
  insertAnswer,
  insertChange,
  insertForm,
  listChanges,
  processOfSpace,
  updateChange,
  updateForm,
  type FormRow,
} from './form.repository.ts';
import type { AnswerValue, QuestionValue } from './form.table.ts';

const DEFAULT_SCALE: [string, string] = ['Inte alls', 'Helt och hållet'];

/**
 * Gives each question without an id the first free one (`q1`, `q2`, …, its position's when free,
 * so an edited form never hands a new question the id of one it keeps) and refuses an id used twice.
 */
function normaliseQuestions(questions: z.output<typeof feedbackFormInput>['questions']): QuestionValue[] {
  const given = new Set(questions.flatMap((q) => (q.id ? [q.id] : [])));
  const seen = new Set<string>();
  const fresh = (i: number) => {
    if (!given.has(`q${i + 1}`) && !seen.has(`q${i + 1}`)) return `q${i + 1}`;
    let n = 1;
    while (given.has(`q${n}`) || seen.has(`q${n}`)) n++;
    return `q${n}`;
  };
  return questions.map((q, i) => {
    const id = q.id ?? fresh(i);
    if (seen.has(id)) throw invalid({ [`questions.${i}.id`]: 'validation.duplicate_id' });
    seen.add(id);
    const options = q.kind === 'single' || q.kind === 'multiple' ? (q.options ?? []) : [];
    if ((q.kind === 'single' || q.kind === 'multiple') && new Set(options).size < 2) throw invalid({ [`questions.${i}.options`]: 'validation.options_required' });
    return { id, kind: q.kind, text: q.text, required: q.required, scaleLabels: q.kind === 'scale' ? (q.scaleLabels ?? DEFAULT_SCALE) : null, options };
  });
}

/** The process step a form belongs to must be a step of a process of the same space. */
async function checkProcessStep(deps: Deps, spaceId: string, input: { processId?: string | undefined; stepId?: string | undefined }) {
  if (!input.processId && !input.stepId) return;
  const process = input.processId ? await processOfSpace(deps.db, input.processId, spaceId) : undefined;
  if (!process) throw invalid({ processId: 'errors.not_found' });
  if (input.stepId && !process.phases.some((p) => p.steps.some((s) => s.id === input.stepId))) throw invalid({ stepId: 'validation.step_not_in_process' });
}

/**
 * Answers are stored by question id and, for choices, by the option's text: once a form has
 * answers, a question may not go, change kind or lose an option, or the answers would lose their meaning.
 */
function checkAnsweredQuestions(before: QuestionValue[], after: QuestionValue[]) {
  const problems: Record<string, string> = {};
  const byId = new Map(after.map((q, i) => [q.id, { q, i }]));
  for (const old of before) {
    const found = byId.get(old.id);
    if (!found) {
      problems.questions = 'validation.answered_question_removed';
      continue;
    }
    if (found.q.kind !== old.kind) problems[`questions.${found.i}.kind`] = 'validation.answered_question_kind';
    else if (old.options.some((o) => !found.q.options.includes(o))) problems[`questions.${found.i}.options`] = 'validation.answered_question_options';
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

async function loadForm(deps: Deps, id: string): Promise<FormRow> {
  const row = await findForm(deps.db, id);
  if (!row) throw notFound();
  return row;
}

export async function createFeedbackForm(deps: Deps, ctx: RequestContext, eventId: string, input: z.output<typeof feedbackFormInput>): Promise<FeedbackForm> {
  const { event, access } = await getEventForActor(deps, ctx.actor, eventId);
  if (!canManageFeedback(ctx.actor, access)) throw forbidden();
  let questions: QuestionValue[];
  let seriesId: string = randomUUID();
  if (input.copyOf) {
    const source = await findForm(deps.db, input.copyOf);
    if (!source || source.space_id !== event.space_id) throw invalid({ copyOf: 'errors.not_found' });
    questions = source.questions;
    seriesId = source.series_id;
  } else questions = normaliseQuestions(input.questions);
  await checkProcessStep(deps, event.space_id, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertForm(trx, {
      space_id: event.space_id,
      series_id: seriesId,
      event_id: eventId,
      process_id: input.processId ?? null,
      step_id: input.stepId ?? null,
      title: input.title,
      intro: input.intro,
      questions: JSON.stringify(questions),
      ask_sector: input.askSector,
      ask_age_group: input.askAgeGroup,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'feedback_form.create',
      resourceType: 'feedback_form',
      resourceId: id,
      details: { eventId, copyOf: input.copyOf ?? null },
    });
    return id;
  });
  return presentForm(await loadForm(deps, id));
}

/** Leaders rewrite a form; once it has answers, only what keeps the answers' meaning (checkAnsweredQuestions). */
export async function updateFeedbackForm(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof feedbackFormUpdate>): Promise<FeedbackForm> {
  const form = await loadForm(deps, id);
  const { access } = await loadSpaceAccess(deps, ctx.actor, form.space_id);
  if (!canManageFeedback(ctx.actor, access)) throw forbidden();
  const questions = normaliseQuestions(input.questions);
  if ((await answerCount(deps.db, id)) > 0) checkAnsweredQuestions(form.questions, questions);
  await checkProcessStep(deps, form.space_id, input);
  await deps.db.transaction().execute(async (trx) => {
    await updateForm(trx, id, {
      title: input.title,
      intro: input.intro,
      questions: JSON.stringify(questions),
      ask_sector: input.askSector,
      ask_age_group: input.askAgeGroup,
      process_id: input.processId ?? null,
      step_id: input.stepId ?? null,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'feedback_form.update', resourceType: 'feedback_form', resourceId: id, details: { spaceId: form.space_id } });
  });
  return presentForm(await loadForm(deps, id));
}

/** Anyone with the link (or QR code) sees the form: its id is the invitation. */
export async function getFeedbackForm(deps: Deps, id: string): Promise<FeedbackForm> {
  return presentForm(await loadForm(deps, id));
}

function checkAnswers(questions: QuestionValue[], answers: Record<string, AnswerValue>) {
  const problems: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) problems[`answers.${key}`] = 'validation.unknown_question';
  for (const q of questions) {
    const value = answers[q.id];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) problems[`answers.${q.id}`] = 'validation.answer_required';
      continue;
    }
    const fits =
      q.kind === 'scale'
        ? typeof value === 'number'
        : q.kind === 'text'
          ? typeof value === 'string'
          : q.kind === 'single'
            ? typeof value === 'string' && q.options.includes(value)
            : Array.isArray(value) && new Set(value).size === value.length && value.every((v) => q.options.includes(v));
    if (!fits) problems[`answers.${q.id}`] = 'validation.answer_kind';
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

/** An answer without an account; the phone's idempotency key makes a retry count once. */
export async function answerFeedbackForm(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof feedbackAnswerInput>) {
  const form = await loadForm(deps, id);
  checkAnswers(form.questions, input.answers);
  return deps.db.transaction().execute(async (trx) => {
    const receipt = await insertAnswer(trx, {
      form_id: id,
      idempotency_key: input.idempotencyKey,
      // What the form does not ask for is not kept, even if a client sends it.
      sector: form.ask_sector ? (input.sector ?? null) : null,
      age_group: form.ask_age_group ? (input.ageGroup ?? null) : null,
      answers: JSON.stringify(input.answers),
      created_at: deps.clock.now(),
    });
    if (!receipt.duplicate)
      await recordAudit(trx, deps.clock, ctx, { action: 'feedback_form.answer', resourceType: 'feedback_form', resourceId: id, details: { answerId: receipt.id } });
    return receipt;
  });
}

const tally = (values: (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? 'unknown'] = (out[v ?? 'unknown'] ?? 0) + 1;
  return out;
};

async function loadResultsForm(deps: Deps, ctx: RequestContext, id: string) {
  const form = await loadForm(deps, id);
  const { access } = await loadSpaceAccess(deps, ctx.actor, form.space_id);
  if (!canSeeFeedbackResults(ctx.actor, access)) throw notFound();
  return form;
}

export async function getFeedbackResults(deps: Deps, ctx: RequestContext, id: string): Promise<FeedbackResults> {
  const form = await loadResultsForm(deps, ctx, id);
  const series = await formsOfSeries(deps.db, form.series_id);
  const all = await answersOf(
    deps.db,
    series.map((f) => f.id),
  );
  const mine = all.filter((a) => a.form_id === id);
  const answers = mine.map((a) => a.answers);
  return {
    form: presentForm(form),
    respondents: mine.length,
    bySector: tally(mine.map((a) => a.sector)),
    byAgeGroup: tally(mine.map((a) => a.age_group)),
    questions: form.questions.map((q) => questionResult(q, answers)),
    comparison: series.map((f) => {
      const theirs = all.filter((a) => a.form_id === f.id).map((a) => a.answers);
      return {
        formId: f.id,
        title: f.title,
        eventTitle: f.event_title,
        municipalityName: f.municipality_name,
        startsAt: f.event_starts_at ? f.event_starts_at.toISOString() : null,
        respondents: theirs.length,
        means: Object.fromEntries(form.questions.filter((q) => q.kind === 'scale').map((q) => [q.id, meanOf(q, theirs)])),
      };
    }),
  };
}

/** Every answer as a row: when, sector, age group, then one column per question. */
export async function getFeedbackCsv(deps: Deps, ctx: RequestContext, id: string): Promise<string> {
  const form = await loadResultsForm(deps, ctx, id);
  const answers = await answersOf(deps.db, [id]);
  return writeCsv(
    ['answered_at', 'sector', 'age_group', ...form.questions.map((q) => q.text)],
    answers.map((a) => [
      a.created_at.toISOString(),
      a.sector,
      a.age_group,
      ...form.questions.map((q) => {
        const v = a.answers[q.id];
        return Array.isArray(v) ? v.join('; ') : v;
      }),
    ]),
  );
}

export async function getSpaceFeedbackForms(deps: Deps, ctx: RequestContext, spaceId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canSeeFeedbackResults(ctx.actor, access)) throw notFound();
  return (await formsOfSpace(deps.db, spaceId)).map((f) => ({
    id: f.id,
    seriesId: f.series_id,
    title: f.title,
    eventId: f.event_id,
    eventTitle: f.event_title,
    municipalityName: f.municipality_name,
    respondents: f.respondents ?? 0,
    createdAt: f.created_at.toISOString(),
  }));
}

const presentChange = (r: Awaited<ReturnType<typeof listChanges>>[number]): FeedbackChange => ({
  id: r.id,
  spaceId: r.space_id,
  date: r.date,
  change: r.change,
  reason: r.reason,
  formId: r.form_id,
  formTitle: r.form_title,
  createdAt: r.created_at.toISOString(),
});

export async function getFeedbackChanges(deps: Deps, ctx: RequestContext, spaceId: string): Promise<FeedbackChange[]> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return (await listChanges(deps.db, spaceId)).map(presentChange);
}

export async function createFeedbackChange(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof feedbackChangeInput>): Promise<FeedbackChange> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageFeedback(ctx.actor, access)) throw forbidden();
  if (input.formId) {
    const form = await findForm(deps.db, input.formId);
    if (!form || form.space_id !== spaceId) throw invalid({ formId: 'errors.not_found' });
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertChange(trx, {
      space_id: spaceId,
      form_id: input.formId ?? null,
      date: input.date,
      change: input.change,
      reason: input.reason,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'feedback_change.create', resourceType: 'feedback_change', resourceId: id, details: { spaceId } });
    return id;
  });
  return (await listChanges(deps.db, spaceId)).map(presentChange).find((c) => c.id === id)!;
}

async function loadChange(deps: Deps, ctx: RequestContext, spaceId: string, changeId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const change = (await listChanges(deps.db, spaceId)).find((c) => c.id === changeId);
  if (!change) throw notFound();
  if (!canManageFeedback(ctx.actor, access)) throw forbidden();
  return change;
}

export async function updateFeedbackChange(deps: Deps, ctx: RequestContext, spaceId: string, changeId: string, input: z.output<typeof feedbackChangeInput>): Promise<FeedbackChange> {
  await loadChange(deps, ctx, spaceId, changeId);
  if (input.formId) {
    const form = await findForm(deps.db, input.formId);
    if (!form || form.space_id !== spaceId) throw invalid({ formId: 'errors.not_found' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await updateChange(trx, changeId, spaceId, { date: input.date, change: input.change, reason: input.reason, form_id: input.formId ?? null });
    await recordAudit(trx, deps.clock, ctx, { action: 'feedback_change.update', resourceType: 'feedback_change', resourceId: changeId, details: { spaceId } });
  });
  return (await listChanges(deps.db, spaceId)).map(presentChange).find((c) => c.id === changeId)!;
}

export async function deleteFeedbackChange(deps: Deps, ctx: RequestContext, spaceId: string, changeId: string): Promise<void> {
  await loadChange(deps, ctx, spaceId, changeId);
  await deps.db.transaction().execute(async (trx) => {
    await deleteChange(trx, changeId, spaceId);
    await recordAudit(trx, deps.clock, ctx, { action: 'feedback_change.delete', resourceType: 'feedback_change', resourceId: changeId, details: { spaceId } });
  });
}
