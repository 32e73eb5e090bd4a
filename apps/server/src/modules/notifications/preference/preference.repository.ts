import type { Kysely } from 'kysely';
import type { Database, NotificationModeValue } from '../../../db/schema.ts';

export function preferencesOf(db: Kysely<Database>, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db.selectFrom('notification_preferences').select(['user_id', 'kind', 'mode']).where('user_id', 'in', userIds).execute();
}

export async function upsertPreference(db: Kysely<Database>, userId: string, kind: string, mode: NotificationModeValue): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, mode })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode }))
    .execute();
}

/** Accounts that can be told something (not disabled, not erased), with their address and language. */
export function recipients(db: Kysely<Database>, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'language'])
    .where('id', 'in', userIds)
    .where('disabled_at', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Whether the account exists (a link may outlive it). */
export async function userExists(db: Kysely<Database>, userId: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

/** A person's notification choices and waiting notices, on erasure: how many rows went. */
export async function deletePreferencesAndNotificationsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const preferences = await db.deleteFrom('notification_preferences').where('user_id', '=', userId).returning('kind').execute();
  const notices = await db.deleteFrom('notifications').where('user_id', '=', userId).returning('id').execute();
  return preferences.length + notices.length;
}

/** The space admins and facilitators of a space. */
export async function leaderIdsOf(db: Kysely<Database>, spaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('user_id').where('space_id', '=', spaceId).where('role', 'in', ['space_admin', 'facilitator']).execute();
  return rows.map((r) => r.user_id);
}

export async function insertNotifications(db: Kysely<Database>, rows: { user_id: string; kind: string; space_id: string | null; title: string; link: string; created_at: Date }[]): Promise<void> {
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
}

/** Drops what waits for a digest of these kinds (the person chose to hear of them otherwise). */
export async function deletePending(db: Kysely<Database>, userId: string, kinds: string[]): Promise<void> {
  if (kinds.length) await db.deleteFrom('notifications').where('user_id', '=', userId).where('kind', 'in', kinds).where('sent_at', 'is', null).execute();
}

/** Users with notices waiting, and the kinds waiting. */
export function pendingKinds(db: Kysely<Database>) {
  return db.selectFrom('notifications').select(['user_id', 'kind']).where('sent_at', 'is', null).groupBy(['user_id', 'kind']).execute();
}

/** The waiting notices of one person and kinds, locked so two digests never take the same one. */
export function claimPending(db: Kysely<Database>, userId: string, kinds: string[]) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'space_id', 'title', 'link', 'created_at'])
    .where('user_id', '=', userId)
    .where('kind', 'in', kinds)
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markSent(db: Kysely<Database>, ids: string[], now: Date): Promise<void> {
  if (ids.length) await db.updateTable('notifications').set({ sent_at: now }).where('id', 'in', ids).execute();
}

export function spaceNames(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('spaces').select(['id', 'name']).where('id', 'in', ids).execute();
}

// --- people's data ---
export function notificationsOfUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('notifications').select(['kind', 'title', 'link', 'created_at', 'sent_at']).where('user_id', '=', userId).orderBy('created_at').execute();
}
