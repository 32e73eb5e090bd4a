import { sql, type Kysely } from 'kysely';
import type { Database, SpaceRole } from '../../../db/schema.ts';

type JoinPolicy = 'open' | 'request' | 'invitation';

const spaceColumns = [
  'spaces.id',
  'spaces.name',
  'spaces.description',
  'spaces.goals',
  'spaces.targets',
  'spaces.kind',
  'spaces.visibility',
  'spaces.join_policy',
  'spaces.archived_at',
  'spaces.created_at',
  'spaces.updated_at',
] as const;

export type SpaceListRow = Awaited<ReturnType<typeof listSpacesFor>>[number];

/** Spaces with the caller's role, member count and municipalities; visibility is the policy's job. */
function spacesWithCallerRole(db: Kysely<Database>, userId: string | null) {
  return db
    .selectFrom('spaces')
    .leftJoin('memberships as mine', (join) =>
      join.onRef('mine.space_id', '=', 'spaces.id').on('mine.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      ...spaceColumns,
      'mine.role as my_role',
      sql<number>`(select count(*) from memberships m where m.space_id = spaces.id)`.as('member_count'),
      sql<string[]>`coalesce((select array_agg(sm.municipality_code order by sm.municipality_code) from space_municipalities sm where sm.space_id = spaces.id), '{}')`.as(
        'municipality_codes',
      ),
    ]);
}

export function listSpacesFor(db: Kysely<Database>, userId: string | null) {
  return spacesWithCallerRole(db, userId).execute();
}

export function findSpaceFor(db: Kysely<Database>, id: string, userId: string | null) {
  return spacesWithCallerRole(db, userId).where('spaces.id', '=', id).executeTakeFirst();
}

export function insertSpace(
  db: Kysely<Database>,
  values: { name: string; description: string; kind: 'project' | 'municipal' | 'regional' | 'alliance'; visibility: 'public' | 'members'; joinPolicy: JoinPolicy; goals: number[]; targets: string[]; createdBy: string | null; now: Date },
) {
  return db
    .insertInto('spaces')
    .values({
      name: values.name,
      description: values.description,
      kind: values.kind,
      visibility: values.visibility,
      join_policy: values.joinPolicy,
      goals: values.goals,
      targets: values.targets,
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateSpace(
  db: Kysely<Database>,
  id: string,
  values: Partial<{ name: string; description: string; kind: 'project' | 'municipal' | 'regional' | 'alliance'; visibility: 'public' | 'members'; join_policy: JoinPolicy; goals: number[]; targets: string[]; archived_at: Date | null }>,
  now: Date,
) {
  return db.updateTable('spaces').set({ ...values, updated_at: now }).where('id', '=', id).execute();
}

export async function replaceSpaceMunicipalities(db: Kysely<Database>, spaceId: string, codes: string[]) {
  await db.deleteFrom('space_municipalities').where('space_id', '=', spaceId).execute();
  const unique = [...new Set(codes)];
  if (unique.length) {
    await db.insertInto('space_municipalities').values(unique.map((code) => ({ space_id: spaceId, municipality_code: code }))).execute();
  }
}

export function findSpaceId(db: Kysely<Database>, id: string) {
  return db.selectFrom('spaces').select('id').where('id', '=', id).executeTakeFirst();
}

export function findRoleInSpace(db: Kysely<Database>, spaceId: string, userId: string): Promise<{ role: SpaceRole } | undefined> {
  return db.selectFrom('memberships').select('role').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
}

export function listLedSpaceIds(db: Kysely<Database>, userId: string) {
  return db.selectFrom('memberships').select('space_id').where('user_id', '=', userId).where('role', 'in', ['space_admin', 'facilitator']).execute();
}
