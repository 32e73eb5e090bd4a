import { sql, type Insertable, type Kysely } from 'kysely';
import type { CollaborationsTable, Database } from '../../../db/schema.ts';

const columns = [
  'collaborations.id',
  'collaborations.org_a',
  'collaborations.org_b',
  'collaborations.type',
  'collaborations.level',
  'collaborations.start_date',
  'collaborations.end_date',
  'collaborations.description',
  'collaborations.frequency',
  'collaborations.source',
  'collaborations.confirmed_a',
  'collaborations.confirmed_b',
  'collaborations.example_data',
  'collaborations.reported_by_a',
  'collaborations.reported_by_b',
  'collaborations.created_by',
  'collaborations.space_id',
  'collaborations.derived_kind',
  'collaborations.derived_id',
  'collaborations.created_at',
  'a.name as name_a',
  'b.name as name_b',
] as const;

export type CollaborationRow = Awaited<ReturnType<typeof findCollaboration>> & {};

export interface CollaborationFilter {
  organisationIds?: string[] | undefined;
  /** Both ends within this set. */
  withinOrganisationIds?: string[] | undefined;
  organisation?: string | undefined;
  type?: string | undefined;
  source?: string | undefined;
  /** Active on this date ('YYYY-MM-DD'). */
  at?: string | undefined;
  /**
   * Whose view: a space id gives the registry's collaborations plus that space's own; null gives
   * the registry's only. Left out: no restriction (then use `visibleTo`).
   */
  seenIn?: string | null | undefined;
  /** Only the registry's and those of spaces this user may see (public, or theirs). */
  visibleTo?: { userId: string | null } | undefined;
}

export function listCollaborations(db: Kysely<Database>, filter: CollaborationFilter) {
  let query = db
    .selectFrom('collaborations')
    .innerJoin('organisations as a', 'a.id', 'collaborations.org_a')
    .innerJoin('organisations as b', 'b.id', 'collaborations.org_b')
    .select(columns);
  if (filter.withinOrganisationIds) {
    const ids = filter.withinOrganisationIds.length ? filter.withinOrganisationIds : ['00000000-0000-0000-0000-000000000000'];
    query = query.where('collaborations.org_a', 'in', ids).where('collaborations.org_b', 'in', ids);
  }
  if (filter.organisation) {
    const id = filter.organisation;
    query = query.where((eb) => eb.or([eb('collaborations.org_a', '=', id), eb('collaborations.org_b', '=', id)]));
  }
  if (filter.seenIn !== undefined) {
    const spaceId = filter.seenIn;
    query = spaceId === null ? query.where('collaborations.space_id', 'is', null) : query.where((eb) => eb.or([eb('collaborations.space_id', 'is', null), eb('collaborations.space_id', '=', spaceId)]));
  }
  if (filter.visibleTo) {
    const userId = filter.visibleTo.userId ?? '00000000-0000-0000-0000-000000000000';
    query = query.where((eb) =>
      eb.or([
        eb('collaborations.space_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('spaces as s')
            .select('s.id')
            .whereRef('s.id', '=', 'collaborations.space_id')
            .where((inner) => inner.or([inner('s.visibility', '=', 'public'), inner.exists(inner.selectFrom('memberships as m').select('m.space_id').whereRef('m.space_id', '=', 's.id').where('m.user_id', '=', userId))])),
        ),
      ]),
    );
  }
  if (filter.type) query = query.where('collaborations.type', '=', filter.type);
  if (filter.source) query = query.where('collaborations.source', '=', filter.source as never);
  if (filter.at) {
    const at = filter.at;
    query = query
      .where((eb) => eb.or([eb('collaborations.start_date', 'is', null), eb('collaborations.start_date', '<=', at)]))
      .where((eb) => eb.or([eb('collaborations.end_date', 'is', null), eb('collaborations.end_date', '>=', at)]));
  }
  return query.orderBy('collaborations.created_at').limit(200_000).execute();
}

export function findCollaboration(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('collaborations')
    .innerJoin('organisations as a', 'a.id', 'collaborations.org_a')
    .innerJoin('organisations as b', 'b.id', 'collaborations.org_b')
    .select(columns)
    .where('collaborations.id', '=', id)
    .executeTakeFirst();
}

/** The same tie as seen in the same place (a space, or the registry when spaceId is null). */
export function findSameCollaboration(db: Kysely<Database>, orgA: string, orgB: string, type: string, source: string, spaceId: string | null) {
  let query = db.selectFrom('collaborations').selectAll().where('org_a', '=', orgA).where('org_b', '=', orgB).where('type', '=', type).where('source', '=', source as never);
  query = spaceId === null ? query.where('space_id', 'is', null) : query.where('space_id', '=', spaceId);
  return query.executeTakeFirst();
}

export function insertCollaboration(db: Kysely<Database>, values: Insertable<CollaborationsTable>) {
  return db.insertInto('collaborations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function markReported(db: Kysely<Database>, id: string, side: 'a' | 'b') {
  return db
    .updateTable('collaborations')
    .set(side === 'a' ? { reported_by_a: true, confirmed_a: true } : { reported_by_b: true, confirmed_b: true })
    .where('id', '=', id)
    .execute();
}

export function deleteCollaboration(db: Kysely<Database>, id: string) {
  return db.deleteFrom('collaborations').where('id', '=', id).returning('id').executeTakeFirst();
}

export function creatorsOf(db: Kysely<Database>, organisationIds: string[]) {
  return db.selectFrom('organisations').select(['id', 'created_by']).where('id', 'in', organisationIds).execute();
}

export const today = () => sql<string>`current_date`;

/** A derived collaboration's source: a shared activity (working group, initiative, event …) in a space. */
export interface DerivedSource {
  kind: string;
  id: string;
  spaceId: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  type: string;
}

export function deleteDerived(db: Kysely<Database>, kind: string, id: string) {
  return db.deleteFrom('collaborations').where('source', '=', 'derived').where('derived_kind', '=', kind).where('derived_id', '=', id).execute();
}

export async function insertDerived(db: Kysely<Database>, source: DerivedSource, pairs: [string, string][]) {
  if (pairs.length === 0) return;
  await db
    .insertInto('collaborations')
    .values(
      pairs.map(([a, b]) => ({
        org_a: a,
        org_b: b,
        type: source.type,
        level: null,
        start_date: source.startDate,
        end_date: source.endDate,
        description: source.description,
        frequency: 'regular',
        source: 'derived' as const,
        survey_id: null,
        created_by: null,
        // A working group's ties also keep the 0006 column, so they go with the group (on delete cascade).
        working_group_id: source.kind === 'working_group' ? source.id : null,
        derived_kind: source.kind,
        derived_id: source.id,
        space_id: source.spaceId,
      })),
    )
    .execute();
}
