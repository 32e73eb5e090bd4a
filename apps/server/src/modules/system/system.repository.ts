import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The cheapest question the database can answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Waits for, then holds until the transaction ends, the lock of a name (one instance at a time does the work, e.g. seeding the demo). */
export async function takeAdvisoryLock(trx: Kysely<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
