import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ProcessTemplatesTable } from '../../../db/schema.ts';

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

export function findTemplate(db: Kysely<Database>, id: string) {
  return db.selectFrom('process_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTemplates(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('process_templates').selectAll().where('space_id', '=', spaceId).orderBy('created_at').execute();
}

export function insertTemplate(db: Kysely<Database>, values: Insertable<ProcessTemplatesTable>) {
  return db.insertInto('process_templates').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateTemplate(db: Kysely<Database>, id: string, values: Updateable<ProcessTemplatesTable>) {
  return db.updateTable('process_templates').set(values).where('id', '=', id).execute();
}

