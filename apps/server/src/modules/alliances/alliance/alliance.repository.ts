import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AllianceMembersTable, AlliancesTable, Database } from '../../../db/schema.ts';

export type AllianceRow = NonNullable<Awaited<ReturnType<typeof findAlliance>>>;

export function findAlliance(db: Kysely<Database>, id: string) {
  return db.selectFrom('alliances').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAlliancesOfSpace(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('alliances').selectAll().where('space_id', '=', spaceId).orderBy('name').orderBy('id').limit(1000).execute();
}

export interface DirectoryFilter {
  goal?: number | undefined;
  municipality?: string | undefined;
  county?: string | undefined;
  sector?: string | undefined;
}

/** Public alliances of spaces that are not archived, with the directory's filters. */
export function listPublicAlliances(db: Kysely<Database>, filter: DirectoryFilter) {
  let query = db
    .selectFrom('alliances as a')
    .innerJoin('spaces as s', 's.id', 'a.space_id')
    .selectAll('a')
    .where('a.public', '=', true)
    .where('s.archived_at', 'is', null);
  if (filter.goal !== undefined) {
    const goal = filter.goal;
    query = query.where(sql<boolean>`(${goal} = any(a.goals) or exists (select 1 from unnest(a.targets) t where split_part(t, '.', 1) = ${String(goal)}))`);
  }
  if (filter.municipality) {
    const code = filter.municipality;
    query = query.where(sql<boolean>`exists (select 1 from space_municipalities sm where sm.space_id = a.space_id and sm.municipality_code = ${code})`);
  }
  if (filter.county) {
    const county = filter.county;
    query = query.where(
      sql<boolean>`exists (select 1 from space_municipalities sm join municipalities m on m.code = sm.municipality_code where sm.space_id = a.space_id and m.county_code = ${county})`,
    );
  }
  if (filter.sector) {
    const sector = filter.sector;
    query = query.where(
      sql<boolean>`exists (select 1 from alliance_members am join organisations o on o.id = am.organisation_id where am.alliance_id = a.id and am.status = 'member' and o.sector = ${sector})`,
    );
  }
  return query.orderBy('a.name').orderBy('a.id').limit(1000).execute();
}

export function insertAlliance(db: Kysely<Database>, values: Insertable<AlliancesTable>) {
  return db.insertInto('alliances').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateAlliance(db: Kysely<Database>, id: string, values: Updateable<AlliancesTable>) {
  return db.updateTable('alliances').set(values).where('id', '=', id).execute();
}

export function membersOf(db: Kysely<Database>, allianceIds: string[]) {
  if (allianceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('alliance_members as am')
    .innerJoin('organisations as o', 'o.id', 'am.organisation_id')
    .leftJoin('people as p', 'p.id', 'am.contact_person_id')
    .select(['am.alliance_id', 'am.organisation_id', 'am.status', 'am.contact_person_id', 'am.created_at', 'am.joined_at', 'o.name', 'o.sector', 'o.municipality_code', 'p.name as contact_name'])
    .where('am.alliance_id', 'in', allianceIds)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

export function findMember(db: Kysely<Database>, allianceId: string, organisationId: string) {
  return db.selectFrom('alliance_members').selectAll().where('alliance_id', '=', allianceId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export function insertMember(db: Kysely<Database>, values: Insertable<AllianceMembersTable>) {
  return db.insertInto('alliance_members').values(values).execute();
}

export function updateMember(db: Kysely<Database>, allianceId: string, organisationId: string, values: Updateable<AllianceMembersTable>) {
  return db.updateTable('alliance_members').set(values).where('alliance_id', '=', allianceId).where('organisation_id', '=', organisationId).execute();
}

export function deleteMember(db: Kysely<Database>, allianceId: string, organisationId: string) {
  return db.deleteFrom('alliance_members').where('alliance_id', '=', allianceId).where('organisation_id', '=', organisationId).execute();
}

export async function initiativeCounts(db: Kysely<Database>, allianceIds: string[]): Promise<Map<string, number>> {
  if (allianceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('initiatives')
    .select(['alliance_id', sql<number>`count(*)::int`.as('n')])
    .where('alliance_id', 'in', allianceIds)
    .groupBy('alliance_id')
    .execute();
  return new Map(rows.map((r) => [r.alliance_id, Number(r.n)]));
}

export async function spaceMunicipalities(db: Kysely<Database>, spaceIds: string[]): Promise<Map<string, string[]>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db.selectFrom('space_municipalities').select(['space_id', 'municipality_code']).where('space_id', 'in', spaceIds).orderBy('municipality_code').execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.space_id, [...(map.get(r.space_id) ?? []), r.municipality_code]);
  return map;
}

export async function spaceNames(db: Kysely<Database>, spaceIds: string[]): Promise<Map<string, string>> {
  if (spaceIds.length === 0) return new Map();
  const rows = await db.selectFrom('spaces').select(['id', 'name']).where('id', 'in', spaceIds).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Organisations the user is a confirmed representative of. */
export function organisationsRepresentedBy(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('organisation_representatives as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['o.id', 'o.name'])
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'confirmed')
    .orderBy('o.name')
    .execute();
}

export function organisationExists(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function personInSpace(db: Kysely<Database>, personId: string, spaceId: string) {
  return db.selectFrom('space_people').select('person_id').where('person_id', '=', personId).where('space_id', '=', spaceId).executeTakeFirst();
}
