import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertSignup(
  db: Kysely<Database>,
  values: { email: string; name: string; passwordHash: string; language: string; tokenHash: string; now: Date; expiresAt: Date },
) {
  return db
    .insertInto('signups')
    .values({ email: values.email, name: values.name, password_hash: values.passwordHash, language: values.language, token_hash: values.tokenHash, created_at: values.now, expires_at: values.expiresAt })
    .execute();
}

/** Takes the live sign-up with this token out of the table (so it works exactly once). */
export function takeSignup(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db.deleteFrom('signups').where('token_hash', '=', tokenHash).where('expires_at', '>', now).returningAll().executeTakeFirst();
}

/** Forgets expired sign-ups, and earlier ones for the same address (a new request replaces them). */
export async function deleteStaleSignups(db: Kysely<Database>, now: Date, email?: string) {
  await db.deleteFrom('signups').where('expires_at', '<=', now).execute();
  if (email) await db.deleteFrom('signups').where('email', '=', email).execute();
}

export function signupsOf(db: Kysely<Database>, email: string) {
  return db.selectFrom('signups').select(['email', 'name', 'created_at', 'expires_at']).where('email', '=', email.toLowerCase()).execute();
}

export async function deleteSignupsOf(db: Kysely<Database>, email: string): Promise<number> {
  const result = await db.deleteFrom('signups').where('email', '=', email.toLowerCase()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
