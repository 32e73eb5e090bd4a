import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, InitiativePartnersTable, InitiativesTable, InitiativeUpdatesTable } from '../../../db/schema.ts';
import { inCoverageScope, tagged, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import type { DirectoryFilter } from '../alliance/alliance.repository.ts';

export type InitiativeRow = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

export function findInitiative(db: Kysely<Database>, id: string) {
  return db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Initiatives with their lead's, alliance's and municipality's names and the accepted partner count. */
function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('initiatives as i')
    .innerJoin('alliances as a', 'a.id', 'i.alliance_id')
    .innerJoin('organisations as lo', 'lo.id', 'i.lead_organisation_id')
    .leftJoin('municipalities as m', 'm.code', 'i.municipality_code')
    .selectAll('i')
    .select([
      'a.name as alliance_name',
      'lo.name as lead_name',
      'm.name as municipality_name',
      sql<number>`(select count(*)::int from initiative_partners p where p.initiative_id = i.id and p.status = 'accepted')`.as('partner_count'),
    ]);
}
export type InitiativeSummaryRow = Awaited<ReturnType<typeof listInitiativesOfAlliance>>[number];

export function listInitiativesOfAlliance(db: Kysely<Database>, allianceId: string) {
  return summaryQuery(db).where('i.alliance_id', '=', allianceId).orderBy('i.created_at', 'desc').orderBy('i.id').limit(1000).execute();
}

export function findInitiativeSummary(db: Kysely<Database>, id: string) {
  return summaryQuery(db).where('i.id', '=', id).executeTakeFirst();
}

/** The public directory: initiatives of public alliances in spaces that are not archived. */
export function listPublicInitiatives(db: Kysely<Database>, filter: DirectoryFilter) {
  let query = summaryQuery(db)
    .innerJoin('spaces as s', 's.id', 'i.space_id')
    .where('a.public', '=', true)
    .where('s.archived_at', 'is', null);
  if (filter.goal !== undefined) {
    const goal = filter.goal;
    query = query.where(sql<boolean>`(${goal} = any(i.goals) or exists (select 1 from unnest(i.targets) t where split_part(t, '.', 1) = ${String(goal)}))`);
  }
  if (filter.municipality) query = query.where('i.municipality_code', '=', filter.municipality);
  if (filter.county) query = query.where('m.county_code', '=', filter.county);
  if (filter.sector) {
    const sector = filter.sector;
    query = query.where(
      sql<boolean>`(lo.sector = ${sector} or exists (select 1 from initiative_partners p join organisations o on o.id = p.organisation_id where p.initiative_id = i.id and p.status = 'accepted' and o.sector = ${sector}))`,
    );
  }
  return query.orderBy('i.start_date', 'desc').orderBy('i.title').orderBy('i.id').limit(2000).execute();
}

export function insertInitiative(db: Kysely<Database>, values: Insertable<InitiativesTable>) {
  return db.insertInto('initiatives').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateInitiative(db: Kysely<Database>, id: string, values: Updateable<InitiativesTable>) {
  return db.updateTable('initiatives').set(values).where('id', '=', id).execute();
}

export function partnersOf(db: Kysely<Database>, initiativeId: string) {
  return db
    .selectFrom('initiative_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.organisation_id', 'p.commitment', 'p.status', 'p.created_at', 'p.accepted_at', 'o.name', 'o.sector'])
    .where('p.initiative_id', '=', initiativeId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}
export type PartnerRow = Awaited<ReturnType<typeof partnersOf>>[number];

export function findPartner(db: Kysely<Database>, initiativeId: string, organisationId: string) {
  return db.selectFrom('initiative_partners').selectAll().where('initiative_id', '=', initiativeId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export function insertPartner(db: Kysely<Database>, values: Insertable<InitiativePartnersTable>) {
  return db.insertInto('initiative_partners').values(values).execute();
}

export function updatePartner(db: Kysely<Database>, initiativeId: string, organisationId: string, values: Updateable<InitiativePartnersTable>) {
  return db.updateTable('initiative_partners').set(values).where('initiative_id', '=', initiativeId).where('organisation_id', '=', organisationId).execute();
}

export function deletePartner(db: Kysely<Database>, initiativeId: string, organisationId: string) {
  return db.deleteFrom('initiative_partners').where('initiative_id', '=', initiativeId).where('organisation_id', '=', organisationId).execute();
}

export function updatesOf(db: Kysely<Database>, initiativeId: string) {
  return db
    .selectFrom('initiative_updates as u')
    .leftJoin('users', 'users.id', 'u.author_id')
    .select(['u.id', 'u.kind', 'u.text', 'u.status', 'u.created_at', 'users.name as author_name'])
    .where('u.initiative_id', '=', initiativeId)
    .orderBy('u.seq', 'desc')
    .limit(500)
    .execute();
}

export function insertUpdate(db: Kysely<Database>, values: Insertable<InitiativeUpdatesTable>) {
  return db.insertInto('initiative_updates').values(values).execute();
}

export function organisationExists(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
}

/** Agenda 2030 coverage: tagged initiatives in the scope (an initiative is seen with its space). */
export function initiativesInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('initiatives')
    .select(['id', 'space_id', 'municipality_code', 'title', 'status', 'start_date', 'goals', 'targets', 'updated_at'])
    .where(tagged('initiatives.goals', 'initiatives.targets'))
    .where(inCoverageScope(scope, 'initiatives.space_id', 'initiatives.municipality_code'))
    .execute();
}
