import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, ProjectGoalsTable, SpinOffEffectsTable } from '../../../db/schema.ts';

/**
 * The dashboard's read model: counts over other modules' tables, filtered by space and
 * municipality, each one aggregate query on an index (ADR 0018). Nothing here writes them.
 */
export interface Filter {
  spaceIds: string[];
  /** null: the spaces' data wherever it is; otherwise only these municipalities'. */
  municipalityCodes: string[] | null;
  now: Date;
}

const none = (f: Filter) => f.spaceIds.length === 0 || (f.municipalityCodes !== null && f.municipalityCodes.length === 0);

export async function groupRows(db: Kysely<Database>, f: Filter) {
  if (none(f)) return [];
  let q = db
    .selectFrom('working_groups as g')
    .leftJoin('working_group_members as m', 'm.group_id', 'g.id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'g.id',
      'g.kind',
      'g.municipality_code',
      'g.targets',
      sql<number>`count(*) filter (where o.sector = 'public')::int`.as('public'),
      sql<number>`count(*) filter (where o.sector = 'private')::int`.as('private'),
      sql<number>`count(*) filter (where o.sector = 'civil_society')::int`.as('civil_society'),
      sql<number>`count(*) filter (where o.sector = 'academia')::int`.as('academia'),
      sql<number>`count(*) filter (where m.youth_representative)::int`.as('youth'),
    ])
    .where('g.space_id', 'in', f.spaceIds)
    .groupBy('g.id');
  if (f.municipalityCodes) q = q.where('g.municipality_code', 'in', f.municipalityCodes);
  return q.execute();
}

function heldEvents(db: Kysely<Database>, f: Filter) {
  let q = db.selectFrom('events as e').where('e.space_id', 'in', f.spaceIds).where('e.status', '=', 'scheduled').where('e.ends_at', '<=', f.now);
  if (f.municipalityCodes) q = q.where('e.municipality_code', 'in', f.municipalityCodes);
  return q;
}

export async function eventsByKind(db: Kysely<Database>, f: Filter) {
  if (none(f)) return [];
  return heldEvents(db, f).select(['e.kind', sql<number>`count(*)::int`.as('n')]).groupBy('e.kind').execute();
}

/** Who attended (checked in) the events held, by sector, age group and on site / online. */
export async function attendance(db: Kysely<Database>, f: Filter) {
  if (none(f)) return [];
  return heldEvents(db, f)
    .innerJoin('registrations as r', 'r.event_id', 'e.id')
    .select(['r.sector', 'r.age_group', 'r.mode', sql<number>`count(*)::int`.as('n')])
    .where('r.checked_in_at', 'is not', null)
    .groupBy(['r.sector', 'r.age_group', 'r.mode'])
    .execute();
}

function inputs(db: Kysely<Database>, f: Filter) {
  let q = db.selectFrom('inputs as i').where('i.space_id', 'in', f.spaceIds).where('i.hidden_at', 'is', null);
  if (f.municipalityCodes) q = q.where('i.municipality_code', 'in', f.municipalityCodes);
  return q;
}

export async function inputsByStatus(db: Kysely<Database>, f: Filter) {
  if (none(f)) return [];
  return inputs(db, f).select(['i.status', sql<number>`count(*)::int`.as('n')]).groupBy('i.status').execute();
}

/**
 * The median of days from an input's arrival to its first answer (its first status change out of
 * received). Written as a join on the status changes' (input_id, at) index, grouped per input, so
 * the plan stays a cheap index lookup even where the planner has no statistics (PGlite).
 */
export async function medianDaysToAnswer(db: Kysely<Database>, f: Filter): Promise<number | null> {
  if (none(f)) return null;
  const perInput = inputs(db, f)
    .innerJoin('input_status_changes as c', (join) => join.onRef('c.input_id', '=', 'i.id').on('c.from_status', '=', 'received'))
    .select(sql<number>`extract(epoch from (min(c.at) - i.created_at)) / 86400.0`.as('days'))
    .groupBy(['i.id', 'i.created_at'])
    .as('d');
  const row = await db
    .selectFrom(perInput)
    .select(sql<number | null>`percentile_cont(0.5) within group (order by d.days)`.as('median'))
    .executeTakeFirst();
  return row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median) * 10) / 10;
}

export async function feedbackAnswerCount(db: Kysely<Database>, f: Filter): Promise<number> {
  if (none(f)) return 0;
  let q = db
    .selectFrom('feedback_answers as a')
    .innerJoin('feedback_forms as ff', 'ff.id', 'a.form_id')
    .leftJoin('events as e', 'e.id', 'ff.event_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ff.space_id', 'in', f.spaceIds);
  if (f.municipalityCodes) q = q.where('e.municipality_code', 'in', f.municipalityCodes);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** The newest finished accessibility analysis of the spaces, with its stored summary. */
export function latestAnalysis(db: Kysely<Database>, spaceIds: string[]) {
  if (spaceIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('analyses')
    .select(['id', 'space_id', 'name', 'mode', 'summary', 'created_at'])
    .where('space_id', 'in', spaceIds)
    .where('summary', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function goalsOf(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('project_goals').selectAll().where('space_id', '=', spaceId).orderBy('created_at').execute();
}

export function insertGoal(db: Kysely<Database>, values: Insertable<ProjectGoalsTable>) {
  return db.insertInto('project_goals').values(values).returning('id').executeTakeFirstOrThrow();
}

export function factsOf(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('project_facts').selectAll().where('space_id', '=', spaceId).executeTakeFirst();
}

export function upsertFacts(
  db: Kysely<Database>,
  spaceId: string,
  values: { period_start: string | null; period_end: string | null; budget: number | null; co_financiers: string; steering_group: string; updated_at: Date },
) {
  return db
    .insertInto('project_facts')
    .values({ space_id: spaceId, ...values })
    .onConflict((oc) => oc.column('space_id').doUpdateSet(values))
    .execute();
}

export function spinOffsOf(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('spin_off_effects').selectAll().where('space_id', '=', spaceId).orderBy('date', 'desc').orderBy('created_at', 'desc').execute();
}

export function insertSpinOff(db: Kysely<Database>, values: Insertable<SpinOffEffectsTable>) {
  return db.insertInto('spin_off_effects').values(values).returning('id').executeTakeFirstOrThrow();
}

export function countyOf(db: Kysely<Database>, code: string) {
  return db.selectFrom('counties').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function municipalitiesOf(db: Kysely<Database>, codes: string[] | null, countyCode?: string) {
  let q = db.selectFrom('municipalities').select(['code', 'name']).orderBy('name');
  if (codes) q = q.where('code', 'in', codes.length ? codes : ['']);
  if (countyCode) q = q.where('county_code', '=', countyCode);
  return q.execute();
}
