import type { FeedbackForm, QuestionResult } from '@samhandling/contracts';
import type { AnswerValue, QuestionValue } from './form.table.ts';
import type { FormRow } from './form.repository.ts';

export function presentForm(row: Omit<FormRow, 'event_starts_at'>): FeedbackForm {
  return {
    id: row.id,
    spaceId: row.space_id,
    seriesId: row.series_id,
    eventId: row.event_id,
    eventTitle: row.event_title,
    municipalityName: row.municipality_name,
    processId: row.process_id,
    stepId: row.step_id,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    askSector: row.ask_sector,
    askAgeGroup: row.ask_age_group,
    createdAt: row.created_at.toISOString(),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One question's results: the distribution (1–5 or per option), the mean of a scale, n, and free texts. */
export function questionResult(question: QuestionValue, answers: Record<string, AnswerValue>[]): QuestionResult {
  const given = answers.map((a) => a[question.id]).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  const base = { questionId: question.id, kind: question.kind, text: question.text, n: given.length };
  if (question.kind === 'scale') {
    const values = given.filter((v): v is number => typeof v === 'number');
    const distribution = [1, 2, 3, 4, 5].map((score) => ({ label: String(score), count: values.filter((v) => v === score).length }));
    return { ...base, distribution, mean: values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null, texts: [] };
  }
  if (question.kind === 'text') return { ...base, distribution: [], mean: null, texts: given.filter((v): v is string => typeof v === 'string') };
  const chosen = given.flatMap((v) => (Array.isArray(v) ? v : [v])).map(String);
  return { ...base, distribution: question.options.map((label) => ({ label, count: chosen.filter((c) => c === label).length })), mean: null, texts: [] };
}

export function meanOf(question: QuestionValue, answers: Record<string, AnswerValue>[]): number | null {
  return question.kind === 'scale' ? questionResult(question, answers).mean : null;
}
