import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function findAccount(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
}

export function sessionsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'method', 'user_agent', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function apiTokensOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('api_tokens').select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId).orderBy('created_at').execute();
}

export function authLinksOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('auth_links').select(['id', 'kind', 'created_at', 'expires_at', 'used_at']).where('user_id', '=', userId).orderBy('created_at').execute();
}

export async function deleteCredentialsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const sessions = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  const tokens = await db.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst();
  const links = await db.deleteFrom('auth_links').where('user_id', '=', userId).executeTakeFirst();
  // Browsers and addresses the account signed in from (keyed hashes), kept to pass its sign-in lock.
  const known = await db.deleteFrom('known_sign_ins').where('user_id', '=', userId).executeTakeFirst();
  return [sessions.numDeletedRows, tokens.numDeletedRows, links.numDeletedRows, known.numDeletedRows].reduce((sum, n) => sum + Number(n), 0);
}

/** What is left of an erased account: an id that others' records point at, and nothing personal. */
export function tombstoneAccount(db: Kysely<Database>, userId: string, name: string, now: Date) {
  return db
    .updateTable('users')
    .set({
      email: `${userId}@deleted.invalid`,
      name,
      password_hash: null,
      oidc_issuer: null,
      oidc_subject: null,
      is_admin: false,
      disabled_at: now,
      deleted_at: now,
    })
    .where('id', '=', userId)
    .execute();
}

export async function countOtherActiveAdmins(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('is_admin', '=', true)
    .where('disabled_at', 'is', null)
    .where('id', '<>', userId)
    .executeTakeFirstOrThrow();
  return row.n;
}
