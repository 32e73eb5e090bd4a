import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { JoinRequestStatus } from './join-request.table.ts';

const withRequester = (db: Kysely<Database>) =>
  db
    .selectFrom('join_requests')
    .innerJoin('users', 'users.id', 'join_requests.user_id')
    .selectAll('join_requests')
    .select(['users.name', 'users.email', 'users.language']);

export type JoinRequestWithUser = Awaited<ReturnType<typeof findJoinRequest>> & {};

export function insertJoinRequest(db: Kysely<Database>, values: { spaceId: string; userId: string; message: string; now: Date }) {
  return db
    .insertInto('join_requests')
    .values({ space_id: values.spaceId, user_id: values.userId, message: values.message, status: 'pending', created_at: values.now })
    .onConflict((oc) => oc.columns(['space_id', 'user_id']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function findJoinRequest(db: Kysely<Database>, spaceId: string, id: string) {
  return withRequester(db).where('join_requests.space_id', '=', spaceId).where('join_requests.id', '=', id).executeTakeFirst();
}

/** The person's newest request to join the space, whatever became of it. */
export function latestOwnRequest(db: Kysely<Database>, spaceId: string, userId: string) {
  return db
    .selectFrom('join_requests')
    .select(['status', 'created_at', 'decided_at'])
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listPendingRequests(db: Kysely<Database>, spaceId: string) {
  return withRequester(db)
    .where('join_requests.space_id', '=', spaceId)
    .where('join_requests.status', '=', 'pending')
    .orderBy('join_requests.created_at')
    .limit(500)
    .execute();
}

/** Settles a request only while it is pending: the check and the change are one statement. */
export function settleRequest(
  db: Kysely<Database>,
  id: string,
  status: Exclude<JoinRequestStatus, 'pending'>,
  by: string | null,
  now: Date,
) {
  return db
    .updateTable('join_requests')
    .set({ status, decided_at: now, decided_by: by })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

export function withdrawOwnRequest(db: Kysely<Database>, spaceId: string, userId: string, now: Date) {
  return db
    .updateTable('join_requests')
    .set({ status: 'withdrawn', decided_at: now, decided_by: userId })
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/** Those who lead the space, to be told of a new request. */
export function listLeaders(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.language'])
    .where('memberships.space_id', '=', spaceId)
    .where('memberships.role', 'in', ['space_admin', 'facilitator'])
    .where('users.disabled_at', 'is', null)
    .where('users.deleted_at', 'is', null)
    .execute();
}

// --- people's data: export and erasure ---

export function joinRequestsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('join_requests')
    .innerJoin('spaces', 'spaces.id', 'join_requests.space_id')
    .select([
      'join_requests.id',
      'join_requests.space_id',
      'spaces.name as space_name',
      'join_requests.message',
      'join_requests.status',
      'join_requests.created_at',
      'join_requests.decided_at',
    ])
    .where('join_requests.user_id', '=', userId)
    .orderBy('join_requests.created_at')
    .execute();
}

/** A request says nothing once its person is gone: it is deleted. */
export async function deleteJoinRequestsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('join_requests').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
