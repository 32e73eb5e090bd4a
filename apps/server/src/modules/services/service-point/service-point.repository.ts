import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { Database, ServicePointChangesTable, ServicePointsTable } from '../../../db/schema.ts';

const columns = [
  'service_points.id',
  'service_points.space_id',
  'service_points.external_id',
  'service_points.name',
  'service_points.lon',
  'service_points.lat',
  'service_points.address',
  'service_points.municipality_code',
  'service_points.kinds',
  'service_points.operator_organisation_id',
  'service_points.staffed',
  'service_points.opening_hours',
  'service_points.seasonal',
  'service_points.season_note',
  'service_points.status',
  'service_points.status_date',
  'service_points.opened_on',
  'service_points.supports',
  'service_points.sources',
  'service_points.notes',
  'service_points.created_by',
  'service_points.created_at',
  'service_points.updated_at',
  'municipalities.name as municipality_name',
  'organisations.name as operator_name',
] as const;

export interface ServicePointFilter {
  q?: string | undefined;
  kinds?: string[] | undefined;
  status?: string | undefined;
  municipality?: string | undefined;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('service_points')
    .leftJoin('municipalities', 'municipalities.code', 'service_points.municipality_code')
    .leftJoin('organisations', 'organisations.id', 'service_points.operator_organisation_id');
}

function withPending(db: Kysely<Database>) {
  return base(db).select(columns).select((eb) =>
    eb
      .selectFrom('service_point_suggestions as s')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('s.point_id', '=', 'service_points.id')
      .where('s.status', '=', 'pending')
      .as('pending_suggestions'),
  );
}

export type ServicePointRow = NonNullable<Awaited<ReturnType<typeof findServicePoint>>>;

/** The list's filter as one condition, for the page of points and for their count alike. */
function matching(filter: ServicePointFilter) {
  return (eb: ExpressionBuilder<Database, 'service_points'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.q) {
      const pattern = '%' + filter.q.replace(/[%_\\]/g, '\\$&') + '%';
      conditions.push(eb.or([eb('service_points.name', 'ilike', pattern), eb('service_points.external_id', 'ilike', pattern), eb('service_points.address', 'ilike', pattern)]));
    }
    if (filter.kinds) conditions.push(sql<boolean>`service_points.kinds && ${sql.val(filter.kinds)}::text[]`);
    if (filter.status) conditions.push(eb('service_points.status', '=', filter.status as never));
    if (filter.municipality) conditions.push(eb('service_points.municipality_code', '=', filter.municipality));
    return eb.and(conditions);
  };
}

function filtered(db: Kysely<Database>, spaceId: string, filter: ServicePointFilter) {
  return withPending(db).where('service_points.space_id', '=', spaceId).where(matching(filter));
}

export function listServicePoints(db: Kysely<Database>, spaceId: string, filter: ServicePointFilter, page: { limit: number; offset: number }) {
  return filtered(db, spaceId, filter).orderBy(sql`lower(service_points.name)`).orderBy('service_points.external_id').limit(page.limit).offset(page.offset).execute();
}

export async function countServicePoints(db: Kysely<Database>, spaceId: string, filter: ServicePointFilter): Promise<number> {
  const query = db.selectFrom('service_points').where('service_points.space_id', '=', spaceId).where(matching(filter));
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findServicePoint(db: Kysely<Database>, id: string) {
  return withPending(db).where('service_points.id', '=', id).executeTakeFirst();
}

/** Every point of a space with what matching needs (imports): id, external id, name, position. */
export function listPointKeys(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('service_points').select(['id', 'external_id', 'name', 'lon', 'lat', 'kinds']).where('space_id', '=', spaceId).execute();
}

export function listAnalysisRows(db: Kysely<Database>, spaceId: string, asOfDate: string) {
  return db
    .selectFrom('service_points')
    .select(['id', 'external_id', 'name', 'lon', 'lat', 'kinds'])
    .where('space_id', '=', spaceId)
    .where((eb) => eb.or([eb('opened_on', 'is', null), eb('opened_on', '<=', asOfDate)]))
    // Closed counts from its date on; a closure without a date counts at once.
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb.and([eb('status_date', 'is not', null), eb('status_date', '>', asOfDate)])]))
    .orderBy('external_id')
    .execute();
}

export function insertServicePoint(db: Kysely<Database>, values: Insertable<ServicePointsTable>) {
  return db.insertInto('service_points').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertServicePoints(db: Kysely<Database>, values: Insertable<ServicePointsTable>[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db.insertInto('service_points').values(values).returning(['id', 'external_id']).execute();
}

export function updateServicePoint(db: Kysely<Database>, id: string, values: Updateable<ServicePointsTable>) {
  return db.updateTable('service_points').set(values).where('id', '=', id).returning('id').executeTakeFirst();
}

/** Locks the point's row for a read-modify-write (an edit and a decided suggestion never interleave). */
export function lockServicePoint(db: Kysely<Database>, id: string) {
  return db.selectFrom('service_points').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function externalIdTaken(db: Kysely<Database>, spaceId: string, externalId: string) {
  return db.selectFrom('service_points').select('id').where('space_id', '=', spaceId).where('external_id', '=', externalId).executeTakeFirst();
}

/** One entry in a point's history. */
export function recordPointChange(db: Kysely<Database>, values: Insertable<ServicePointChangesTable>) {
  return db.insertInto('service_point_changes').values(values).execute();
}

export function recordPointChanges(db: Kysely<Database>, values: Insertable<ServicePointChangesTable>[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db.insertInto('service_point_changes').values(values).execute();
}

export function listChanges(db: Kysely<Database>, pointId: string) {
  return db
    .selectFrom('service_point_changes as c')
    .leftJoin('users', 'users.id', 'c.actor_id')
    .select(['c.id', 'c.at', 'c.kind', 'c.changes', 'c.suggestion_id', 'c.note', 'users.name as actor_name'])
    .where('c.point_id', '=', pointId)
    .orderBy('c.at', 'desc')
    .orderBy('c.seq', 'desc')
    .execute();
}

export async function organisationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function municipalityExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
