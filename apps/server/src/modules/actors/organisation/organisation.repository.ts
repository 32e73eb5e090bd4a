import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, OrganisationsTable } from '../../../db/schema.ts';

const columns = [
  'organisations.id',
  'organisations.name',
  'organisations.org_number',
  'organisations.sector',
  'organisations.type',
  'organisations.level',
  'organisations.municipality_code',
  'organisations.contact_email',
  'organisations.contact_phone',
  'organisations.website',
  'organisations.description',
  'organisations.tags',
  'organisations.created_by',
  'organisations.created_at',
  'organisations.updated_at',
  'municipalities.name as municipality_name',
] as const;

export type OrganisationRow = Awaited<ReturnType<typeof findOrganisation>> & {};

export interface OrganisationFilter {
  q?: string | undefined;
  sector?: string | undefined;
  level?: string | undefined;
  type?: string | undefined;
  municipality?: string | undefined;
  space?: string | undefined;
}

function filtered(db: Kysely<Database>, filter: OrganisationFilter) {
  let query = db.selectFrom('organisations').leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code');
  if (filter.q) {
    const pattern = '%' + filter.q.replace(/[%_\\]/g, '\\$&') + '%';
    query = query.where((eb) => eb.or([eb('organisations.name', 'ilike', pattern), eb('organisations.org_number', 'like', pattern)]));
  }
  if (filter.sector) query = query.where('organisations.sector', '=', filter.sector as never);
  if (filter.level) query = query.where('organisations.level', '=', filter.level as never);
  if (filter.type) query = query.where('organisations.type', '=', filter.type);
  if (filter.municipality) query = query.where('organisations.municipality_code', '=', filter.municipality);
  if (filter.space) {
    const spaceId = filter.space;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('space_organisations as so').select('so.organisation_id').whereRef('so.organisation_id', '=', 'organisations.id').where('so.space_id', '=', spaceId)),
    );
  }
  return query;
}

export function listOrganisations(db: Kysely<Database>, filter: OrganisationFilter, page: { limit: number; offset: number }) {
  return filtered(db, filter).select(columns).orderBy(sql`lower(organisations.name)`).limit(page.limit).offset(page.offset).execute();
}

export async function countOrganisations(db: Kysely<Database>, filter: OrganisationFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOrganisation(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code')
    .select(columns)
    .where('organisations.id', '=', id)
    .executeTakeFirst();
}

export function findOrganisationsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code')
    .select(columns)
    .where('organisations.id', 'in', ids)
    .execute();
}

export function findByOrgNumber(db: Kysely<Database>, orgNumber: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'org_number', 'municipality_code']).where('org_number', '=', orgNumber).executeTakeFirst();
}

/** Candidates for a near-duplicate check: the organisations of one municipality (or with none). */
export function listNamesIn(db: Kysely<Database>, municipalityCode: string | null) {
  let query = db.selectFrom('organisations').select(['id', 'name', 'org_number', 'municipality_code']);
  query = municipalityCode ? query.where('municipality_code', '=', municipalityCode) : query.where('municipality_code', 'is', null);
  return query.limit(20_000).execute();
}

export function insertOrganisation(db: Kysely<Database>, values: Insertable<OrganisationsTable>) {
  return db.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateOrganisation(db: Kysely<Database>, id: string, values: Updateable<OrganisationsTable>) {
  return db.updateTable('organisations').set(values).where('id', '=', id).returning('id').executeTakeFirst();
}

export function deleteOrganisation(db: Kysely<Database>, id: string) {
  return db.deleteFrom('organisations').where('id', '=', id).returning('id').executeTakeFirst();
}

export function spaceIdsOfOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('space_organisations').select('space_id').where('organisation_id', '=', id).execute();
}

export async function organisationInUse(db: Kysely<Database>, id: string): Promise<boolean> {
  const collaboration = await db.selectFrom('collaborations').select('id').where((eb) => eb.or([eb('org_a', '=', id), eb('org_b', '=', id)])).limit(1).executeTakeFirst();
  return collaboration !== undefined;
}
