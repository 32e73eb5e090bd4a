import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AgreementAdoptionsTable, AgreementsTable, Database } from '../../../db/schema.ts';

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

const withSpace = (db: Kysely<Database>) => db.selectFrom('agreements').innerJoin('spaces', 'spaces.id', 'agreements.space_id').selectAll('agreements').select('spaces.name as space_name');

export function findAgreement(db: Kysely<Database>, id: string) {
  return withSpace(db).where('agreements.id', '=', id).executeTakeFirst();
}

export function listAgreementsOfSpace(db: Kysely<Database>, spaceId: string) {
  return withSpace(db).where('agreements.space_id', '=', spaceId).orderBy(sql`lower(agreements.title)`).execute();
}

/** Agreements in force in public view: by space, or spaces in a municipality or county. */
export function listAgreementsInForce(db: Kysely<Database>, filter: { space?: string | undefined; municipality?: string | undefined; county?: string | undefined; adoption?: 'true' | 'false' | undefined }) {
  let query = withSpace(db).where('agreements.status', 'in', ['in_force', 'adoption']);
  // With adoption: also those out for adoption that have never been in force (the service checks the caller may see their space).
  if (filter.adoption !== 'true') query = query.where('agreements.in_force_version', 'is not', null);
  if (filter.space) query = query.where('agreements.space_id', '=', filter.space);
  if (filter.municipality)
    query = query.where((eb) => eb.exists(eb.selectFrom('space_municipalities as sm').select('sm.space_id').whereRef('sm.space_id', '=', 'agreements.space_id').where('sm.municipality_code', '=', filter.municipality!)));
  if (filter.county)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('space_municipalities as sm')
          .innerJoin('municipalities as m', 'm.code', 'sm.municipality_code')
          .select('sm.space_id')
          .whereRef('sm.space_id', '=', 'agreements.space_id')
          .where('m.county_code', '=', filter.county!),
      ),
    );
  return query.orderBy(sql`lower(agreements.title)`).execute();
}

/** Locks the agreement row for the rest of the transaction: adoptions and edits of one agreement queue up. */
export function lockAgreement(db: Kysely<Database>, id: string) {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertAgreement(db: Kysely<Database>, values: Insertable<AgreementsTable>) {
  return db.insertInto('agreements').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateAgreement(db: Kysely<Database>, id: string, values: Updateable<AgreementsTable>) {
  return db.updateTable('agreements').set(values).where('id', '=', id).execute();
}

export function insertVersion(db: Kysely<Database>, values: { agreementId: string; number: number; sections: { heading: string; text: string }[]; sha256: string; createdBy: string | null; now: Date }) {
  return db
    .insertInto('agreement_versions')
    .values({ agreement_id: values.agreementId, number: values.number, sections: JSON.stringify(values.sections), sha256: values.sha256, created_by: values.createdBy, created_at: values.now })
    .execute();
}

export function versionsOf(db: Kysely<Database>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.agreement_id', 'v.number', 'v.sections', 'v.sha256', 'v.created_at', 'u.name as created_by_name'])
    .where('v.agreement_id', 'in', agreementIds)
    .orderBy('v.number')
    .execute();
}

export function partiesOf(db: Kysely<Database>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('people as c', 'c.id', 'p.contact_person_id')
    .select(['p.agreement_id', 'p.organisation_id', 'p.role', 'p.acceded', 'p.contact_person_id', 'p.added_at', 'o.name as organisation_name', 'c.name as contact_name', 'c.email as contact_email'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.added_at')
    .orderBy(sql`lower(o.name)`)
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

export function insertParty(db: Kysely<Database>, values: { agreementId: string; organisationId: string; contactPersonId: string | null; role: 'party' | 'supporting'; acceded: boolean; now: Date }) {
  return db
    .insertInto('agreement_parties')
    .values({ agreement_id: values.agreementId, organisation_id: values.organisationId, contact_person_id: values.contactPersonId, role: values.role, acceded: values.acceded, added_at: values.now })
    .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .executeTakeFirst();
}

export function adoptionsOf(db: Kysely<Database>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_adoptions as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select('o.name as organisation_name')
    .where('a.agreement_id', 'in', agreementIds)
    .orderBy('a.recorded_at')
    .execute();
}
export type AdoptionRow = Awaited<ReturnType<typeof adoptionsOf>>[number];

/** Inserts a decision unless the party already decided on that version (then undefined). */
export function insertAdoption(db: Kysely<Database>, values: Insertable<AgreementAdoptionsTable>) {
  return db
    .insertInto('agreement_adoptions')
    .values(values)
    .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function signatoriesOf(db: Kysely<Database>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_signatories as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.agreement_id', 's.organisation_id', 's.user_id', 's.title', 'u.name'])
    .where('s.agreement_id', 'in', agreementIds)
    .orderBy('s.named_at')
    .execute();
}

export function upsertSignatory(db: Kysely<Database>, values: { agreementId: string; organisationId: string; userId: string; title: string; namedBy: string | null; now: Date }) {
  return db
    .insertInto('agreement_signatories')
    .values({ agreement_id: values.agreementId, organisation_id: values.organisationId, user_id: values.userId, title: values.title, named_by: values.namedBy, named_at: values.now })
    .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id', 'user_id']).doUpdateSet({ title: values.title }))
    .execute();
}

export function signaturesOf(db: Kysely<Database>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('agreement_signatures').selectAll().where('agreement_id', 'in', agreementIds).orderBy('signed_at').execute();
}
export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

/** A signature made on paper by someone without an account (the demo's): recorded with its name and no user. */
export function recordPaperSignature(
  db: Kysely<Database>,
  values: { agreementId: string; organisationId: string; organisationName: string; name: string; title: string; version: number; sha256: string; method: string; evidence: Record<string, unknown>; signedAt: Date },
) {
  return db
    .insertInto('agreement_signatures')
    .values({
      agreement_id: values.agreementId,
      organisation_id: values.organisationId,
      organisation_name: values.organisationName,
      user_id: null,
      name: values.name,
      title: values.title,
      version: values.version,
      sha256: values.sha256,
      method: values.method,
      evidence: JSON.stringify(values.evidence),
      signed_at: values.signedAt,
    })
    .execute();
}

export function insertSignature(
  db: Kysely<Database>,
  values: { agreementId: string; organisationId: string; organisationName: string; userId: string; name: string; title: string; version: number; sha256: string; method: string; evidence: Record<string, unknown>; signedAt: Date },
) {
  return db
    .insertInto('agreement_signatures')
    .values({
      agreement_id: values.agreementId,
      organisation_id: values.organisationId,
      organisation_name: values.organisationName,
      user_id: values.userId,
      name: values.name,
      title: values.title,
      version: values.version,
      sha256: values.sha256,
      method: values.method,
      evidence: JSON.stringify(values.evidence),
      signed_at: values.signedAt,
    })
    .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id', 'user_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** A person recorded in the space (a party's contact). */
export function personInSpace(db: Kysely<Database>, personId: string, spaceId: string) {
  return db
    .selectFrom('people')
    .innerJoin('space_people', 'space_people.person_id', 'people.id')
    .select(['people.id', 'people.name'])
    .where('people.id', '=', personId)
    .where('space_people.space_id', '=', spaceId)
    .executeTakeFirst();
}

export function userName(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).where('disabled_at', 'is', null).executeTakeFirst();
}

/** Accounts with these e-mail addresses (a party's contact person who has an account comments for it). */
export function usersByEmails(db: Kysely<Database>, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql<string>`lower(email)`, 'in', emails.map((e) => e.toLowerCase()))
    .where('disabled_at', 'is', null)
    .execute();
}

export function isMemberOfSpace(db: Kysely<Database>, spaceId: string, userId: string) {
  return db.selectFrom('memberships').select('user_id').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
}

/** What an account wrote or signed in agreements (for a data export). */
export async function agreementRecordsOfUser(db: Kysely<Database>, userId: string) {
  const [comments, accessions, signatures] = await Promise.all([
    db.selectFrom('agreement_comments').select(['id', 'agreement_id', 'version', 'section', 'organisation_id', 'author_name', 'body', 'created_at']).where('author_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('agreement_accessions').select(['id', 'agreement_id', 'organisation_id', 'applicant_name', 'motivation', 'status', 'created_at']).where('applicant_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('agreement_signatures').select(['id', 'agreement_id', 'organisation_name', 'name', 'title', 'version', 'sha256', 'signed_at']).where('user_id', '=', userId).orderBy('signed_at').execute(),
  ]);
  return { comments, accessions, signatures };
}

/** On erasure: remiss comments and applications stay (the agreement's record) without the author's name. */
export async function anonymiseAgreementRecordsOf(db: Kysely<Database>, userId: string, placeholder: string): Promise<number> {
  const comments = await db.updateTable('agreement_comments').set({ author_name: placeholder, author_id: null }).where('author_id', '=', userId).executeTakeFirst();
  const accessions = await db.updateTable('agreement_accessions').set({ applicant_name: placeholder, applicant_id: null }).where('applicant_id', '=', userId).executeTakeFirst();
  return Number(comments.numUpdatedRows) + Number(accessions.numUpdatedRows);
}
