import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, ServicePlanFollowUpsTable, ServicePlansTable, ServicePlanVersionsTable } from '../../../db/schema.ts';

const planColumns = [
  'service_plans.id',
  'service_plans.space_id',
  'service_plans.municipality_code',
  'service_plans.title',
  'service_plans.period_start',
  'service_plans.period_end',
  'service_plans.status',
  'service_plans.content',
  'service_plans.analysis_id',
  'service_plans.consultation_ends_on',
  'service_plans.created_by',
  'service_plans.created_at',
  'service_plans.updated_at',
  'municipalities.name as municipality_name',
  'municipalities.county_code',
  'spaces.name as space_name',
] as const;

function plans(db: Kysely<Database>) {
  return db
    .selectFrom('service_plans')
    .innerJoin('municipalities', 'municipalities.code', 'service_plans.municipality_code')
    .innerJoin('spaces', 'spaces.id', 'service_plans.space_id')
    .select(planColumns)
    .select([
      sql<number | null>`(select max(v.number) from service_plan_versions v where v.plan_id = service_plans.id)`.as('latest_version'),
      sql<boolean>`exists (select 1 from service_plan_versions v where v.plan_id = service_plans.id and v.status = 'consultation')`.as('has_consultation'),
    ]);
}

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & {};

export function findPlan(db: Kysely<Database>, id: string) {
  return plans(db).where('service_plans.id', '=', id).executeTakeFirst();
}

/** Locks the plan's row for a state change, so two transitions cannot interleave. */
export function lockPlan(db: Kysely<Database>, id: string) {
  return db.selectFrom('service_plans').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listPlansOfSpace(db: Kysely<Database>, spaceId: string) {
  return plans(db).where('service_plans.space_id', '=', spaceId).orderBy('service_plans.period_start', 'desc').orderBy('service_plans.created_at', 'desc').execute();
}

export function listPlansOfMunicipalities(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return plans(db).where('service_plans.municipality_code', 'in', codes).orderBy('service_plans.period_start', 'desc').execute();
}

export function insertPlan(db: Kysely<Database>, values: Insertable<ServicePlansTable>) {
  return db.insertInto('service_plans').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updatePlan(db: Kysely<Database>, id: string, values: Updateable<ServicePlansTable>) {
  return db.updateTable('service_plans').set(values).where('id', '=', id).execute();
}

const versionColumns = [
  'id',
  'plan_id',
  'number',
  'status',
  'title',
  'period_start',
  'period_end',
  'content',
  'analysis_id',
  'consultation_ends_on',
  'decision_body',
  'decision_date',
  'minute_reference',
  'created_at',
] as const;

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function listVersions(db: Kysely<Database>, planId: string) {
  return db.selectFrom('service_plan_versions').select(versionColumns).where('plan_id', '=', planId).orderBy('number').execute();
}

export function findVersion(db: Kysely<Database>, planId: string, number: number) {
  return db.selectFrom('service_plan_versions').select(versionColumns).where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

/** Versions of several plans without their content (for lists and the regional view). */
export function listVersionSummaries(db: Kysely<Database>, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_plan_versions')
    .select(['plan_id', 'number', 'status', 'decision_body', 'decision_date', 'minute_reference'])
    .where('plan_id', 'in', planIds)
    .orderBy('number')
    .execute();
}

export function insertVersion(db: Kysely<Database>, values: Insertable<ServicePlanVersionsTable>) {
  return db.insertInto('service_plan_versions').values(values).returning(['id', 'number']).executeTakeFirstOrThrow();
}

export async function nextVersionNumber(db: Kysely<Database>, planId: string): Promise<number> {
  const row = await db
    .selectFrom('service_plan_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function listFollowUps(db: Kysely<Database>, planId: string) {
  return db.selectFrom('service_plan_follow_ups').selectAll().where('plan_id', '=', planId).orderBy('year').execute();
}

export function findFollowUpByYear(db: Kysely<Database>, planId: string, year: number) {
  return db.selectFrom('service_plan_follow_ups').select('id').where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst();
}

export function insertFollowUp(db: Kysely<Database>, values: Insertable<ServicePlanFollowUpsTable>) {
  return db.insertInto('service_plan_follow_ups').values(values).returning('id').executeTakeFirstOrThrow();
}
