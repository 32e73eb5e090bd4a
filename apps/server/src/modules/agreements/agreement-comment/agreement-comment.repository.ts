import type { Insertable, Kysely } from 'kysely';
import type { AgreementCommentsTable, Database } from '../../../db/schema.ts';

export function listComments(db: Kysely<Database>, agreementId: string) {
  return db
    .selectFrom('agreement_comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select('o.name as organisation_name')
    .where('c.agreement_id', '=', agreementId)
    .orderBy('c.version')
    .orderBy('c.section')
    .orderBy('c.created_at')
    .execute();
}
export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export function findComment(db: Kysely<Database>, id: string) {
  return db.selectFrom('agreement_comments').select(['id', 'agreement_id']).where('id', '=', id).executeTakeFirst();
}

export function insertComment(db: Kysely<Database>, values: Insertable<AgreementCommentsTable>) {
  return db.insertInto('agreement_comments').values(values).returning('id').executeTakeFirstOrThrow();
}

export function answerComment(db: Kysely<Database>, id: string, values: { answer: string; answeredBy: string | null; at: Date }) {
  return db.updateTable('agreement_comments').set({ answer: values.answer, answered_by: values.answeredBy, answered_at: values.at }).where('id', '=', id).execute();
}

/** Comments written by an account (for a data export). */
export function commentsByAuthor(db: Kysely<Database>, userId: string) {
  return db.selectFrom('agreement_comments').select(['id', 'agreement_id', 'version', 'section', 'organisation_id', 'body', 'created_at']).where('author_id', '=', userId).orderBy('created_at').execute();
}
