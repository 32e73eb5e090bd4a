import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, FeedbackAnswersTable, FeedbackChangesTable, FeedbackFormsTable } from '../../../db/schema.ts';

export type FormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>;

function forms(db: Kysely<Database>) {
  return db
    .selectFrom('feedback_forms as f')
    .leftJoin('events as e', 'e.id', 'f.event_id')
    .leftJoin('municipalities as m', 'm.code', 'e.municipality_code')
    .selectAll('f')
    .select(['e.title as event_title', 'e.starts_at as event_starts_at', 'm.name as municipality_name']);
}

export function findForm(db: Kysely<Database>, id: string) {
  return forms(db).where('f.id', '=', id).executeTakeFirst();
}

export function formsOfSeries(db: Kysely<Database>, seriesId: string) {
  return forms(db).where('f.series_id', '=', seriesId).orderBy('e.starts_at').orderBy('f.created_at').execute();
}

export function formsOfSpace(db: Kysely<Database>, spaceId: string) {
  return forms(db)
    .select((eb) => eb.selectFrom('feedback_answers as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.form_id', '=', 'f.id').as('respondents'))
    .where('f.space_id', '=', spaceId)
    .orderBy('f.created_at', 'desc')
    .execute();
}

export function updateForm(db: Kysely<Database>, id: string, values: Updateable<FeedbackFormsTable>) {
  return db.updateTable('feedback_forms').set(values).where('id', '=', id).execute();
}

export async function answerCount(db: Kysely<Database>, formId: string): Promise<number> {
  const row = await db.selectFrom('feedback_answers').select(sql<number>`count(*)::int`.as('n')).where('form_id', '=', formId).executeTakeFirstOrThrow();
  return row.n;
}

export function insertForm(db: Kysely<Database>, values: Insertable<FeedbackFormsTable>) {
  return db.insertInto('feedback_forms').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Inserts the answer unless the same key has answered already; says which. */
export async function insertAnswer(db: Kysely<Database>, values: Insertable<FeedbackAnswersTable>): Promise<{ id: string; duplicate: boolean }> {
  const inserted = await db
    .insertInto('feedback_answers')
    .values(values)
    .onConflict((oc) => oc.columns(['form_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, duplicate: false };
  const existing = await db
    .selectFrom('feedback_answers')
    .select('id')
    .where('form_id', '=', values.form_id)
    .where('idempotency_key', '=', values.idempotency_key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, duplicate: true };
}

export function answersOf(db: Kysely<Database>, formIds: string[]) {
  if (formIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feedback_answers')
    .select(['id', 'form_id', 'sector', 'age_group', 'answers', 'created_at'])
    .where('form_id', 'in', formIds)
    .orderBy('created_at')
    .execute();
}

export function listChanges(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('feedback_changes as c')
    .leftJoin('feedback_forms as f', 'f.id', 'c.form_id')
    .selectAll('c')
    .select('f.title as form_title')
    .where('c.space_id', '=', spaceId)
    .orderBy('c.date', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
}

export function updateChange(db: Kysely<Database>, id: string, spaceId: string, values: Updateable<FeedbackChangesTable>) {
  return db.updateTable('feedback_changes').set(values).where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
}

export function deleteChange(db: Kysely<Database>, id: string, spaceId: string) {
  return db.deleteFrom('feedback_changes').where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
}

export function insertChange(db: Kysely<Database>, values: Insertable<FeedbackChangesTable>) {
  return db.insertInto('feedback_changes').values(values).returning('id').executeTakeFirstOrThrow();
}

export function processOfSpace(db: Kysely<Database>, processId: string, spaceId: string) {
  return db.selectFrom('processes').select(['id', 'phases']).where('id', '=', processId).where('space_id', '=', spaceId).executeTakeFirst();
}
