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

// --- people's data: export and erasure ---

export function membershipsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
    .select(['spaces.id as space_id', 'spaces.name as space_name', 'memberships.role', 'memberships.created_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
}

/** Spaces (not archived) where the user is the only space admin. */
export function spacesSolelyLedBy(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('spaces as s', 's.id', 'm.space_id')
    .select(['s.id', 's.name'])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'space_admin')
    .where('s.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as other')
            .select('other.user_id')
            .whereRef('other.space_id', '=', 'm.space_id')
            .where('other.role', '=', 'space_admin')
            .whereRef('other.user_id', '<>', 'm.user_id'),
        ),
      ),
    )
    .orderBy('s.name')
    .execute();
}

export function deleteMembershipsOfUser(db: Kysely<Database>, userId: string) {
  return db.deleteFrom('memberships').where('user_id', '=', userId).executeTakeFirst();
}
