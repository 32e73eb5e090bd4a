import type { Insertable, Kysely } from 'kysely';
import type { AgreementAccessionsTable, Database } from '../../../db/schema.ts';

const base = (db: Kysely<Database>) => db.selectFrom('agreement_accessions as a').innerJoin('organisations as o', 'o.id', 'a.organisation_id').selectAll('a').select('o.name as organisation_name');

export function listAccessions(db: Kysely<Database>, agreementId: string) {
  return base(db).where('a.agreement_id', '=', agreementId).orderBy('a.created_at').execute();
}
export type AccessionRow = Awaited<ReturnType<typeof listAccessions>>[number];

export function findAccession(db: Kysely<Database>, id: string) {
  return base(db).where('a.id', '=', id).executeTakeFirst();
}

export function pendingAccession(db: Kysely<Database>, agreementId: string, organisationId: string) {
  return db.selectFrom('agreement_accessions').select('id').where('agreement_id', '=', agreementId).where('organisation_id', '=', organisationId).where('status', '=', 'pending').executeTakeFirst();
}

export function insertAccession(db: Kysely<Database>, values: Insertable<AgreementAccessionsTable>) {
  return db.insertInto('agreement_accessions').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Decides a pending application; undefined when someone decided it first. */
export function decideAccession(db: Kysely<Database>, id: string, values: { status: 'approved' | 'declined'; reason: string | null; decidedBy: string | null; at: Date }) {
  return db
    .updateTable('agreement_accessions')
    .set({ status: values.status, reason: values.reason, decided_by: values.decidedBy, decided_at: values.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/** Applications made by an account (for a data export). */
export function accessionsByApplicant(db: Kysely<Database>, userId: string) {
  return db.selectFrom('agreement_accessions').select(['id', 'agreement_id', 'organisation_id', 'motivation', 'status', 'created_at']).where('applicant_id', '=', userId).orderBy('created_at').execute();
}
