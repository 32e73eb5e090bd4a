import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, MeasuresTable } from '../../../db/schema.ts';
import { inCoverageScope, tagged, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';

function measures(db: Kysely<Database>) {
  return db
    .selectFrom('measures as m')
    .leftJoin('action_plans as p', 'p.id', 'm.action_plan_id')
    .leftJoin('organisations as o', 'o.id', 'm.responsible_organisation_id')
    .leftJoin('municipalities as mu', 'mu.code', 'm.municipality_code')
    .leftJoin('localities as l', 'l.id', 'm.locality_id')
    .selectAll('m')
    .select(['p.title as plan_title', 'o.name as responsible_name', 'o.sector as responsible_sector', 'o.type as responsible_type', 'mu.name as municipality_name', 'l.name as locality_name']);
}

export type MeasureRow = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

export function findMeasure(db: Kysely<Database>, id: string) {
  return measures(db).where('m.id', '=', id).executeTakeFirst();
}

export function measuresOfPlan(db: Kysely<Database>, planId: string) {
  return measures(db).where('m.action_plan_id', '=', planId).orderBy('m.position').orderBy('m.created_at').execute();
}

export function insertMeasure(db: Kysely<Database>, values: Insertable<MeasuresTable>) {
  return db.insertInto('measures').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMeasure(db: Kysely<Database>, id: string, values: Updateable<MeasuresTable>) {
  return db.updateTable('measures').set(values).where('id', '=', id).execute();
}

export async function nextMeasurePosition(db: Kysely<Database>, planId: string) {
  const { max } = await db.selectFrom('measures').select(sql<number | null>`max(position)`.as('max')).where('action_plan_id', '=', planId).executeTakeFirstOrThrow();
  return (max ?? -1) + 1;
}

export function organisationsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'name', 'sector', 'type']).where('id', 'in', ids).execute();
}

export function localityById(db: Kysely<Database>, id: string) {
  return db.selectFrom('localities').select(['id', 'municipality_code']).where('id', '=', id).executeTakeFirst();
}

export function municipalityByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst();
}

export function measuresOfSpace(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('measures as m')
    .leftJoin('action_plans as p', 'p.id', 'm.action_plan_id')
    .select(['m.id', 'm.title', 'm.status', 'm.action_plan_id', 'p.title as plan_title'])
    .where('m.space_id', '=', spaceId)
    .orderBy(sql`lower(p.title)`)
    .orderBy('m.position')
    .execute();
}

export function measuresOfServicePlans(db: Kysely<Database>, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('measures').selectAll().where('service_plan_id', 'in', planIds).orderBy('service_plan_id').orderBy('position').execute();
}

export function measureOwners(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('measures').select(['id', 'service_plan_id']).where('id', 'in', ids).execute();
}

export function deleteServicePlanMeasuresExcept(db: Kysely<Database>, planId: string, keep: string[]) {
  let query = db.deleteFrom('measures').where('service_plan_id', '=', planId);
  if (keep.length) query = query.where('id', 'not in', keep);
  return query.execute();
}

export function upsertMeasure(db: Kysely<Database>, values: Insertable<MeasuresTable> & { id: string }) {
  const { id: _id, space_id: _space, service_plan_id: _plan, created_at: _created, ...update } = values;
  return db
    .insertInto('measures')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}

/** Agenda 2030 coverage: tagged measures in the scope (measures are seen with their space). */
export function measuresInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('measures')
    .select(['id', 'space_id', 'municipality_code', 'title', 'status', 'start_date', 'goals', 'targets', 'updated_at'])
    .where(tagged('measures.goals', 'measures.targets'))
    .where(inCoverageScope(scope, 'measures.space_id', 'measures.municipality_code'))
    .execute();
}
