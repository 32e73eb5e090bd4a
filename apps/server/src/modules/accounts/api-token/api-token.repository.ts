import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertApiToken(
  db: Kysely<Database>,
  values: { userId: string; name: string; tokenHash: string; prefix: string; scopes: string; now: Date },
) {
  return db
    .insertInto('api_tokens')
    .values({ user_id: values.userId, name: values.name, token_hash: values.tokenHash, prefix: values.prefix, scopes: values.scopes, created_at: values.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findApiTokenWithUser(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'api_tokens.scopes',
      'users.id',
      'users.email',
      'users.name',
      'users.language',
      'users.is_admin',
      'users.disabled_at',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function markApiTokenUsed(db: Kysely<Database>, tokenId: string, now: Date) {
  return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}

export function listApiTokens(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export function revokeApiToken(db: Kysely<Database>, tokenId: string, userId: string, now: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function revokeAllApiTokens(db: Kysely<Database>, userId: string, now: Date) {
  return db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
