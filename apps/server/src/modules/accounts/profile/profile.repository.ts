import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ProfilesTable } from './profile.table.ts';

export function findProfile(db: Kysely<Database>, userId: string) {
  return db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A person's profile with their name and municipality's name; only for an active account. */
export function findProfileWithPerson(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('profiles')
    .innerJoin('users', 'users.id', 'profiles.user_id')
    .leftJoin('municipalities', 'municipalities.code', 'profiles.municipality_code')
    .selectAll('profiles')
    .select(['users.name', 'municipalities.name as municipality_name'])
    .where('profiles.user_id', '=', userId)
    .where('users.deleted_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export function upsertProfile(db: Kysely<Database>, values: Omit<ProfilesTable, 'updated_at'> & { updated_at: Date }) {
  const { user_id: _u, ...changes } = values;
  return db
    .insertInto('profiles')
    .values(values)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How each of these people shows their profile (those without one are left out). */
export function visibilityOfProfiles(db: Kysely<Database>, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('profiles').select(['user_id', 'visibility']).where('user_id', 'in', userIds).execute();
}

/** Whether two people are members of at least one space together. */
export async function shareASpace(db: Kysely<Database>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships as mine')
    .innerJoin('memberships as theirs', 'theirs.space_id', 'mine.space_id')
    .select('mine.space_id')
    .where('mine.user_id', '=', a)
    .where('theirs.user_id', '=', b)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The spaces of a person that the caller may see named beside their profile: public ones, and ones the caller is in too. */
export function spacesOfPerson(db: Kysely<Database>, userId: string, viewerId: string | null) {
  return db
    .selectFrom('memberships')
    .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
    .select(['spaces.id', 'spaces.name'])
    .where('memberships.user_id', '=', userId)
    .where('spaces.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('spaces.visibility', '=', 'public'),
        eb.exists(
          eb
            .selectFrom('memberships as viewer')
            .select('viewer.space_id')
            .whereRef('viewer.space_id', '=', 'spaces.id')
            .where('viewer.user_id', '=', viewerId ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ]),
    )
    .execute();
}

export async function deleteProfile(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('profiles').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
