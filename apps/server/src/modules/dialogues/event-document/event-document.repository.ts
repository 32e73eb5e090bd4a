import type { Insertable, Kysely } from 'kysely';
import type { Database, EventDocumentsTable } from '../../../db/schema.ts';

export type EventDocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export function listDocuments(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('event_documents').selectAll().where('event_id', '=', eventId).orderBy('created_at', 'desc').execute();
}

export function findDocument(db: Kysely<Database>, eventId: string, id: string) {
  return db.selectFrom('event_documents').selectAll().where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
}

export function insertDocument(db: Kysely<Database>, values: Insertable<EventDocumentsTable>) {
  return db.insertInto('event_documents').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deleteDocument(db: Kysely<Database>, id: string) {
  return db.deleteFrom('event_documents').where('id', '=', id).returning('stored_name').executeTakeFirst();
}
