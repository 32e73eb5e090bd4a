import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function listCounties(db: Kysely<Database>) {
  return db.selectFrom('counties').select(['code', 'name', 'short_name']).orderBy('code').execute();
}

export function listCountyBoundaries(db: Kysely<Database>) {
  return db.selectFrom('counties').select(['code', 'name', 'boundary']).orderBy('code').execute();
}
