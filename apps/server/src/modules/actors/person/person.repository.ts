import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, PeopleTable } from '../../../db/schema.ts';

export function listPeople(db: Kysely<Database>, filter: { spaceIds: string[] | 'all'; q?: string | undefined }) {
  let query = db.selectFrom('people').selectAll();
  if (filter.spaceIds !== 'all') {
    const ids = filter.spaceIds.length ? filter.spaceIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) => eb.exists(eb.selectFrom('space_people as sp').select('sp.person_id').whereRef('sp.person_id', '=', 'people.id').where('sp.space_id', 'in', ids)));
  }
  if (filter.q) query = query.where(sql<boolean>`people.name ilike ${'%' + filter.q.replace(/[%_\\]/g, '\\$&') + '%'}`);
  return query.orderBy(sql`lower(people.name)`).limit(5000).execute();
}

export function findPerson(db: Kysely<Database>, id: string) {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export function spaceIdsOfPeople(db: Kysely<Database>, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('space_people').select(['person_id', 'space_id']).where('person_id', 'in', personIds).execute();
}

export function affiliationsOfPeople(db: Kysely<Database>, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_affiliations')
    .innerJoin('organisations', 'organisations.id', 'person_affiliations.organisation_id')
    .select(['person_affiliations.person_id', 'person_affiliations.organisation_id', 'person_affiliations.role', 'organisations.name'])
    .where('person_affiliations.person_id', 'in', personIds)
    .execute();
}

export function consentsOfPeople(db: Kysely<Database>, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('person_consents').selectAll().where('person_id', 'in', personIds).orderBy('given_at').execute();
}

export function insertPerson(db: Kysely<Database>, values: Insertable<PeopleTable>) {
  return db.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updatePerson(db: Kysely<Database>, id: string, values: Updateable<PeopleTable>) {
  return db.updateTable('people').set(values).where('id', '=', id).execute();
}

export async function replaceAffiliations(db: Kysely<Database>, personId: string, affiliations: { organisationId: string; role: string }[]) {
  await db.deleteFrom('person_affiliations').where('person_id', '=', personId).execute();
  const unique = [...new Map(affiliations.map((a) => [a.organisationId, a])).values()];
  if (unique.length) {
    await db.insertInto('person_affiliations').values(unique.map((a) => ({ person_id: personId, organisation_id: a.organisationId, role: a.role }))).execute();
  }
}

export function addPersonToSpace(db: Kysely<Database>, personId: string, spaceId: string) {
  return db.insertInto('space_people').values({ person_id: personId, space_id: spaceId }).onConflict((oc) => oc.columns(['space_id', 'person_id']).doNothing()).execute();
}

export function insertConsent(
  db: Kysely<Database>,
  values: { personId: string; purpose: string; textVersion: string; method: 'form' | 'paper' | 'verbal'; givenAt: Date; recordedBy: string | null },
) {
  return db
    .insertInto('person_consents')
    .values({ person_id: values.personId, purpose: values.purpose, text_version: values.textVersion, method: values.method, given_at: values.givenAt, recorded_by: values.recordedBy })
    .execute();
}

export function deletePerson(db: Kysely<Database>, id: string) {
  return db.deleteFrom('people').where('id', '=', id).returning('id').executeTakeFirst();
}

// --- people's data: export, erasure, consent withdrawal ---

/** People records that carry a person's e-mail address (recorded by a leader, with consent). */
export function peopleWithEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('people').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).orderBy('created_at').execute();
}

export function lockConsent(db: Kysely<Database>, id: string) {
  return db.selectFrom('person_consents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findConsent(db: Kysely<Database>, id: string) {
  return db.selectFrom('person_consents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function markConsentWithdrawn(db: Kysely<Database>, id: string, how: { at: Date; by: string | null; method: 'link' | 'leader' | 'self' | 'account_deletion' }) {
  return db.updateTable('person_consents').set({ withdrawn_at: how.at, withdrawn_by: how.by, withdrawal_method: how.method }).where('id', '=', id).where('withdrawn_at', 'is', null).execute();
}

export async function hasLiveConsent(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person_consents').select('id').where('person_id', '=', personId).where('withdrawn_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export function deleteAffiliationsOf(db: Kysely<Database>, personId: string) {
  return db.deleteFrom('person_affiliations').where('person_id', '=', personId).execute();
}
