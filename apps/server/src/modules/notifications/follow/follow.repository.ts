import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export type FollowRow = Awaited<ReturnType<typeof findFollow>> & {};

export function findFollow(db: Kysely<Database>, id: string) {
  return db.selectFrom('follows').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts the follow unless the same follower already follows the target; answers the row either way. */
export async function upsertFollow(
  db: Kysely<Database>,
  values: { target_kind: string; target_id: string; user_id: string | null; email: string | null; language: 'sv' | 'en'; confirmed_at: Date | null; created_at: Date },
) {
  await db.insertInto('follows').values(values).onConflict((oc) => oc.doNothing()).execute();
  let query = db.selectFrom('follows').selectAll().where('target_kind', '=', values.target_kind).where('target_id', '=', values.target_id);
  query = values.user_id ? query.where('user_id', '=', values.user_id) : query.where('email', '=', values.email!);
  return query.executeTakeFirstOrThrow();
}

export async function confirmFollowRow(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('follows').set({ confirmed_at: now }).where('id', '=', id).where('confirmed_at', 'is', null).execute();
}

export async function deleteFollowRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('follows').where('id', '=', id).execute();
}

export function followsOfUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('follows').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

/** The followers of a target: accounts, and confirmed e-mail addresses. */
export function followersOf(db: Kysely<Database>, kind: string, targetId: string) {
  return db
    .selectFrom('follows')
    .select(['id', 'user_id', 'email', 'language'])
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .where((eb) => eb.or([eb('user_id', 'is not', null), eb('confirmed_at', 'is not', null)]))
    .execute();
}

// --- people's data ---
export function followsByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('follows').select(['target_kind', 'target_id', 'email', 'confirmed_at', 'created_at']).where('email', '=', email.toLowerCase()).execute();
}

export async function deleteFollowsByEmail(db: Kysely<Database>, email: string): Promise<number> {
  const rows = await db.deleteFrom('follows').where('email', '=', email.toLowerCase()).returning('id').execute();
  return rows.length;
}

export async function deleteFollowsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const rows = await db.deleteFrom('follows').where('user_id', '=', userId).returning('id').execute();
  return rows.length;
}

/** Unconfirmed e-mail follows older than `before` (never confirmed: the address is not kept). */
export async function deleteUnconfirmedBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const rows = await db.deleteFrom('follows').where('email', 'is not', null).where('confirmed_at', 'is', null).where('created_at', '<', before).returning('id').execute();
  return rows.length;
}
