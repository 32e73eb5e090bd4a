import type { Kysely } from 'kysely';
import type { AuthLinksTable, Database } from '../../../db/schema.ts';

export type LinkKind = AuthLinksTable['kind'];

export function insertAuthLink(db: Kysely<Database>, values: { kind: LinkKind; tokenHash: string; userId: string; now: Date; expiresAt: Date }) {
  return db
    .insertInto('auth_links')
    .values({ kind: values.kind, token_hash: values.tokenHash, user_id: values.userId, created_at: values.now, expires_at: values.expiresAt })
    .execute();
}

/** A live link: unused and not expired. */
export function findLiveAuthLink(db: Kysely<Database>, kind: LinkKind, tokenHash: string, now: Date) {
  return db
    .selectFrom('auth_links')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks the link used in the same statement that checks it, so it works exactly once. */
export function useAuthLink(db: Kysely<Database>, kind: LinkKind, tokenHash: string, now: Date) {
  return db
    .updateTable('auth_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
}

/** Deletes an account's unused links (of one kind, or all): a new link replaces the old, a new password ends them all. */
export function deleteUnusedAuthLinks(db: Kysely<Database>, userId: string, kind?: LinkKind) {
  let query = db.deleteFrom('auth_links').where('user_id', '=', userId).where('used_at', 'is', null);
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}
