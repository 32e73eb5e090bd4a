import type { Kysely } from 'kysely';
import type { Database, SpaceRole } from '../../../db/schema.ts';

export function listMembers(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as user_id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.space_id', '=', spaceId)
    .execute();
}

export function insertMembership(db: Kysely<Database>, spaceId: string, userId: string, role: SpaceRole, now: Date) {
  return db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(['space_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
}

export function updateMembershipRole(db: Kysely<Database>, spaceId: string, userId: string, role: SpaceRole) {
  return db.updateTable('memberships').set({ role }).where('space_id', '=', spaceId).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
}

export function deleteMembership(db: Kysely<Database>, spaceId: string, userId: string) {
  return db.deleteFrom('memberships').where('space_id', '=', spaceId).where('user_id', '=', userId).returning('role').executeTakeFirst();
}

/** Locks the space's admin rows so two concurrent demotions cannot both pass the last-admin check. */
export async function countSpaceAdmins(db: Kysely<Database>, spaceId: string): Promise<number> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('role', '=', 'space_admin')
    .forUpdate()
    .execute();
  return rows.length;
}
