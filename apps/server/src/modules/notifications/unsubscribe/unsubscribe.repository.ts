import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export async function suppressAddress(db: Kysely<Database>, email: string, now: Date): Promise<void> {
  await db.insertInto('mail_suppressions').values({ email: email.toLowerCase(), created_at: now }).onConflict((oc) => oc.column('email').doNothing()).execute();
}

// --- people's data ---
export function suppressionOf(db: Kysely<Database>, email: string) {
  return db.selectFrom('mail_suppressions').select(['email', 'created_at']).where('email', '=', email.toLowerCase()).execute();
}

/** Forgets that an address unsubscribed from everything (on erasure); 1 when it had. */
export async function deleteSuppression(db: Kysely<Database>, email: string): Promise<number> {
  const rows = await db.deleteFrom('mail_suppressions').where('email', '=', email.toLowerCase()).returning('email').execute();
  return rows.length;
}
