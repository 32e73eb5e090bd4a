import type { Insertable, Kysely } from 'kysely';
import type { Database, InitiativeDocumentsTable } from '../../../db/schema.ts';

export type InitiativeDocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export function listDocuments(db: Kysely<Database>, initiativeId: string) {
  return db.selectFrom('initiative_documents').selectAll().where('initiative_id', '=', initiativeId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export function findDocument(db: Kysely<Database>, initiativeId: string, id: string) {
  return db.selectFrom('initiative_documents').selectAll().where('id', '=', id).where('initiative_id', '=', initiativeId).executeTakeFirst();
}

export function insertDocument(db: Kysely<Database>, values: Insertable<InitiativeDocumentsTable>) {
  return db.insertInto('initiative_documents').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deleteDocument(db: Kysely<Database>, id: string) {
  return db.deleteFrom('initiative_documents').where('id', '=', id).returning('stored_name').executeTakeFirst();
}
