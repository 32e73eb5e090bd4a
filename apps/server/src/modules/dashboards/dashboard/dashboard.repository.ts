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
  let q = db
    .selectFrom('events as e')
    .where('e.space_id', 'in', f.spaceIds)
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '<=', f.now);
  if (f.municipalityCodes) q = q.where('e.municipality_code', 'in', f.municipalityCodes);
  return q;
}

/** Held events by kind (and by municipality too, for the comparison). */
export async function eventsByKind(db: Kysely<Database>, f: Filter, byMunicipality = false) {
  if (none(f)) return [];
  return heldEvents(db, f)
    .select([
      byMunicipality ? sql<string | null>`e.municipality_code`.as('municipality_code') : sql<string | null>`null`.as('municipality_code'),
      'e.kind',
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy(byMunicipality ? ['e.municipality_code', 'e.kind'] : ['e.kind'])
    .execute();
}

/** Who attended (checked in) the events held, by sector, age group and on site / online. */
export async function attendance(db: Kysely<Database>, f: Filter, byMunicipality = false) {
  if (none(f)) return [];
  return heldEvents(db, f)
    .innerJoin('registrations as r', 'r.event_id', 'e.id')
    .select([
      byMunicipality ? sql<string | null>`e.municipality_code`.as('municipality_code') : sql<string | null>`null`.as('municipality_code'),
      'r.sector',
      'r.age_group',
      'r.mode',
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('r.checked_in_at', 'is not', null)
    .groupBy(byMunicipality ? ['e.municipality_code', 'r.sector', 'r.age_group', 'r.mode'] : ['r.sector', 'r.age_group', 'r.mode'])
    .execute();
}

function inputs(db: Kysely<Database>, f: Filter) {
  let q = db.selectFrom('inputs as i').where('i.space_id', 'in', f.spaceIds).where('i.hidden_at', 'is', null);
  if (f.municipalityCodes) q = q.where('i.municipality_code', 'in', f.municipalityCodes);
  return q;
}

export async function inputsByStatus(db: Kysely<Database>, f: Filter, byMunicipality = false) {
  if (none(f)) return [];
  return inputs(db, f)
    .select([
      byMunicipality ? sql<string | null>`i.municipality_code`.as('municipality_code') : sql<string | null>`null`.as('municipality_code'),
      'i.status',
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy(byMunicipality ? ['i.municipality_code', 'i.status'] : ['i.status'])
    .execute();
}

/**
 * The median of days from an input's arrival to its first answer (its first status change out of
 * received), which the input keeps in `first_answered_at` (0025: a trigger on the status changes),
 * so the median is one aggregate over the space's inputs on a partial index, without a join.
 */
export async function medianDaysToAnswer(db: Kysely<Database>, f: Filter): Promise<number | null> {
  return (await mediansDaysToAnswer(db, f, false)).get(null) ?? null;
}

/** The same median per municipality (by code; inputs without one under null), in one grouped query. */
export async function mediansDaysToAnswer(
  db: Kysely<Database>,
  f: Filter,
  byMunicipality = true,
): Promise<Map<string | null, number | null>> {
  if (none(f)) return new Map();
  const q = inputs(db, f)
    .where('i.first_answered_at', 'is not', null)
    .select([
      byMunicipality
        ? sql<string | null>`i.municipality_code`.as('municipality_code')
        : sql<string | null>`null::text`.as('municipality_code'),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (i.first_answered_at - i.created_at)) / 86400.0)`.as('median'),
    ]);
  const rows = await (byMunicipality ? q.groupBy('i.municipality_code') : q).execute();
  return new Map(
    rows.map((r) => [r.municipality_code, r.median === null || r.median === undefined ? null : Math.round(Number(r.median) * 10) / 10]),
  );
}

/** The measures of the spaces' action plans by status (and by municipality too, for the comparison). */
export async function measuresByStatus(db: Kysely<Database>, f: Filter, byMunicipality = false) {
  if (none(f)) return [];
  let q = db.selectFrom('measures as m').where('m.space_id', 'in', f.spaceIds).where('m.action_plan_id', 'is not', null);
  if (f.municipalityCodes) q = q.where('m.municipality_code', 'in', f.municipalityCodes);
  return q
    .select([
      byMunicipality ? sql<string | null>`m.municipality_code`.as('municipality_code') : sql<string | null>`null`.as('municipality_code'),
      'm.status',
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy(byMunicipality ? ['m.municipality_code', 'm.status'] : ['m.status'])
    .execute();
}

/**
 * The indicators of the spaces' action plans (on a goal or on a measure) with their latest value.
 * An indicator is in a municipality through its measure; a goal's indicator is the whole plan's
 * and counts only where the filter takes the spaces' data wherever it is.
 */
export async function indicatorRows(db: Kysely<Database>, f: Filter) {
  if (none(f)) return [];
  let q = db.selectFrom('indicators as i').leftJoin('measures as m', 'm.id', 'i.measure_id').where('i.space_id', 'in', f.spaceIds);
  if (f.municipalityCodes) q = q.where('m.municipality_code', 'in', f.municipalityCodes);
  return q
    .select([
      'i.id',
      'i.name',
      'i.unit',
      'i.baseline_value',
      'i.baseline_date',
      'i.target_value',
      'i.target_date',
      'i.direction',
      'm.municipality_code',
      sql<
        number | null
      >`(select v.value from indicator_values v where v.indicator_id = i.id order by v.measured_on desc, v.created_at desc limit 1)`.as(
        'latest_value',
      ),
      sql<
        string | null
      >`(select v.measured_on from indicator_values v where v.indicator_id = i.id order by v.measured_on desc, v.created_at desc limit 1)`.as(
        'latest_on',
      ),
    ])
    .orderBy('i.name')
    .orderBy('i.id')
    .execute();
}

/** The spaces' agreements by status. */
export async function agreementsByStatus(db: Kysely<Database>, f: Filter) {
  if (f.spaceIds.length === 0) return [];
  return db
    .selectFrom('agreements')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('space_id', 'in', f.spaceIds)
    .groupBy('status')
    .execute();
}

export async function feedbackAnswerCount(db: Kysely<Database>, f: Filter): Promise<number> {
  return (await feedbackAnswerCounts(db, f, false)).get(null) ?? 0;
}

/** Feedback answers per municipality of the form's event (null: the whole filter, or no event). */
export async function feedbackAnswerCounts(db: Kysely<Database>, f: Filter, byMunicipality = true): Promise<Map<string | null, number>> {
  if (none(f)) return new Map();
  let q = db
    .selectFrom('feedback_answers as a')
    .innerJoin('feedback_forms as ff', 'ff.id', 'a.form_id')
    .leftJoin('events as e', 'e.id', 'ff.event_id')
    .select([
      byMunicipality
        ? sql<string | null>`e.municipality_code`.as('municipality_code')
        : sql<string | null>`null::text`.as('municipality_code'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('ff.space_id', 'in', f.spaceIds);
  if (f.municipalityCodes) q = q.where('e.municipality_code', 'in', f.municipalityCodes);
  const rows = await (byMunicipality ? q.groupBy('e.municipality_code') : q).execute();
  return new Map(rows.map((r) => [r.municipality_code, r.n]));
}

/**
 * The next moment after `now` at which time alone changes a figure of the filter: an event of its
 * spaces ending or starting (held events, attendance, test sessions' feedback and the process
 * criteria read those), as epoch milliseconds; null if none is ahead.
 */
export async function nextEventBoundary(db: Kysely<Database>, f: Filter): Promise<number | null> {
  if (f.spaceIds.length === 0) return null;
  const row = await db
    .selectFrom('events')
    .select([
      sql<Date | null>`min(case when ends_at > ${f.now} then ends_at end)`.as('ends'),
      sql<Date | null>`min(case when starts_at > ${f.now} then starts_at end)`.as('starts'),
    ])
    .where('space_id', 'in', f.spaceIds)
    .where((eb) => eb.or([eb('ends_at', '>', f.now), eb('starts_at', '>', f.now)]))
    .executeTakeFirst();
  const times = [row?.ends, row?.starts].filter((d): d is Date => !!d).map((d) => new Date(d).getTime());
  return times.length ? Math.min(...times) : null;
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

/** Changes a goal of the space; says whether there was one. */
export async function updateGoal(db: Kysely<Database>, spaceId: string, id: string, values: { title: string; figure_key: string; target: number }): Promise<boolean> {
  const result = await db.updateTable('project_goals').set(values).where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteGoal(db: Kysely<Database>, spaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('project_goals').where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function factsOf(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('project_facts').selectAll().where('space_id', '=', spaceId).executeTakeFirst();
}

export function upsertFacts(
  db: Kysely<Database>,
  spaceId: string,
  values: {
    period_start: string | null;
    period_end: string | null;
    budget: number | null;
    co_financiers: string;
    steering_group: string;
    updated_at: Date;
  },
) {
  return db
    .insertInto('project_facts')
    .values({ space_id: spaceId, ...values })
    .onConflict((oc) => oc.column('space_id').doUpdateSet(values))
    .execute();
}

export function spinOffsOf(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('spin_off_effects')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function insertSpinOff(db: Kysely<Database>, values: Insertable<SpinOffEffectsTable>) {
  return db.insertInto('spin_off_effects').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateSpinOff(db: Kysely<Database>, spaceId: string, id: string, values: { date: string; text: string; source: string }): Promise<boolean> {
  const result = await db.updateTable('spin_off_effects').set(values).where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteSpinOff(db: Kysely<Database>, spaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('spin_off_effects').where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
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
