import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export type KnownSignInKind = 'device' | 'address';

/** Whether any of the keys was seen for the user after `since`. */
export async function hasKnownSignIn(db: Kysely<Database>, userId: string, keys: { kind: KnownSignInKind; key: string }[], since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('known_sign_ins')
    .select('kind')
    .where('user_id', '=', userId)
    .where('last_seen_at', '>', since)
    .where((eb) => eb.or(keys.map(({ kind, key }) => eb.and([eb('kind', '=', kind), eb('key_hash', '=', key)]))))
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertKnownSignIn(db: Kysely<Database>, userId: string, kind: KnownSignInKind, keyHash: string, now: Date) {
  await db
    .insertInto('known_sign_ins')
    .values({ user_id: userId, kind, key_hash: keyHash, last_seen_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'key_hash']).doUpdateSet({ last_seen_at: now }))
    .execute();
}

export async function deleteKnownSignInsSeenBefore(db: Kysely<Database>, before: Date) {
  await db.deleteFrom('known_sign_ins').where('last_seen_at', '<=', before).execute();
}
