import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, WorkingGroupsTable } from '../../../db/schema.ts';

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

export function findGroup(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('working_groups')
    .leftJoin('municipalities', 'municipalities.code', 'working_groups.municipality_code')
    .selectAll('working_groups')
    .select('municipalities.name as municipality_name')
    .where('working_groups.id', '=', id)
    .executeTakeFirst();
}

export function listGroups(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('working_groups')
    .leftJoin('municipalities', 'municipalities.code', 'working_groups.municipality_code')
    .selectAll('working_groups')
    .select('municipalities.name as municipality_name')
    .where('working_groups.space_id', '=', spaceId)
    .orderBy(sql`lower(working_groups.name)`)
    .execute();
}

export function insertGroup(db: Kysely<Database>, values: Insertable<WorkingGroupsTable>) {
  return db.insertInto('working_groups').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateGroup(db: Kysely<Database>, id: string, values: Updateable<WorkingGroupsTable>) {
  return db.updateTable('working_groups').set(values).where('id', '=', id).execute();
}

export function membersOf(db: Kysely<Database>, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('working_group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.group_id',
      'm.person_id',
      'm.organisation_id',
      'm.role',
      'm.youth_representative',
      'm.joined_at',
      'p.name',
      'p.age_group',
      'o.name as organisation_name',
      'o.sector',
    ])
    .where('m.group_id', 'in', groupIds)
    .orderBy(sql`lower(p.name)`)
    .execute();
}

export function findMember(db: Kysely<Database>, groupId: string, personId: string) {
  return db
    .selectFrom('working_group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function insertMember(
  db: Kysely<Database>,
  values: { groupId: string; personId: string; organisationId: string | null; role: string; youthRepresentative: boolean; joinedAt: Date },
) {
  return db
    .insertInto('working_group_members')
    .values({
      group_id: values.groupId,
      person_id: values.personId,
      organisation_id: values.organisationId,
      role: values.role,
      youth_representative: values.youthRepresentative,
      joined_at: values.joinedAt,
    })
    .execute();
}

export function deleteMember(db: Kysely<Database>, groupId: string, personId: string) {
  return db
    .deleteFrom('working_group_members')
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .returning('person_id')
    .executeTakeFirst();
}

export function personInSpace(db: Kysely<Database>, personId: string, spaceId: string) {
  return db
    .selectFrom('people')
    .innerJoin('space_people', 'space_people.person_id', 'people.id')
    .select(['people.id', 'people.youth_representative'])
    .where('people.id', '=', personId)
    .where('space_people.space_id', '=', spaceId)
    .executeTakeFirst();
}

export function affiliationsOf(db: Kysely<Database>, personId: string) {
  return db.selectFrom('person_affiliations').select('organisation_id').where('person_id', '=', personId).execute();
}

export function organisationExists(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
}

export function groupsOfPerson(db: Kysely<Database>, personId: string) {
  return db.selectFrom('working_group_members').select('group_id').where('person_id', '=', personId).execute();
}

/** Working-group seats of the people records that carry an e-mail address (for a data export). */
export function groupSeatsOfEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('working_group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('working_groups as g', 'g.id', 'm.group_id')
    .select(['g.id as group_id', 'g.name as group_name', 'g.space_id', 'm.person_id', 'm.organisation_id', 'm.role', 'm.youth_representative', 'm.joined_at'])
    .where(sql<string>`lower(p.email)`, '=', email.toLowerCase())
    .orderBy('m.joined_at')
    .execute();
}
