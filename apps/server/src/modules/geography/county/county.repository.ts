import type { Insertable, Kysely } from 'kysely';
import type { CountiesTable, Database } from '../../../db/schema.ts';

export function listCounties(db: Kysely<Database>) {
  return db.selectFrom('counties').select(['code', 'name', 'short_name']).orderBy('code').execute();
}

export function listCountyBoundaries(db: Kysely<Database>) {
  return db.selectFrom('counties').select(['code', 'name', 'boundary']).orderBy('code').execute();
}

/** Adds reference counties; codes already present are left as they are. */
export async function insertCounties(db: Kysely<Database>, rows: Insertable<CountiesTable>[]) {
  await db
    .insertInto('counties')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
