import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The cheapest question the database can answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
