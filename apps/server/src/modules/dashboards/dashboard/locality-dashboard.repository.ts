import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * What the platform's data says about one village (locality): counts over other modules' tables in
 * the spaces the caller sees, never writing them (the read side of ADR 0018). Places are matched
 * by a bounding box here and by exact distance in the service.
 */
export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Inputs tagged to the village, or untagged and placed inside the box. */
export function villageInputs(db: Kysely<Database>, spaceIds: string[], localityId: string, box: Box) {
  if (spaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inputs')
    .select(['id', 'space_id', 'status', 'locality_id', 'lon', 'lat'])
    .where('space_id', 'in', spaceIds)
    .where('hidden_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('locality_id', '=', localityId),
        eb.and([
          eb('locality_id', 'is', null),
          eb('lon', '>=', box.west),
          eb('lon', '<=', box.east),
          eb('lat', '>=', box.south),
          eb('lat', '<=', box.north),
        ]),
      ]),
    )
    .execute();
}

/** Events held (ended, not cancelled) with a place inside the box. */
export function villageEvents(db: Kysely<Database>, spaceIds: string[], box: Box, now: Date) {
  if (spaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events')
    .select(['id', 'space_id', 'kind', 'lon', 'lat'])
    .where('space_id', 'in', spaceIds)
    .where('status', '=', 'scheduled')
    .where('ends_at', '<=', now)
    .where('lon', '>=', box.west)
    .where('lon', '<=', box.east)
    .where('lat', '>=', box.south)
    .where('lat', '<=', box.north)
    .execute();
}

/** Measures (of action plans and service plans) that name the village. */
export function villageMeasures(db: Kysely<Database>, spaceIds: string[], localityId: string) {
  if (spaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .select(['space_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('space_id', 'in', spaceIds)
    .where('locality_id', '=', localityId)
    .groupBy(['space_id', 'status'])
    .execute();
}

/** The newest finished analysis whose population has the village as an origin (a population of localities). */
export function villageAnalysis(db: Kysely<Database>, spaceIds: string[], localityId: string) {
  if (spaceIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('analyses as a')
    .innerJoin('population_sets as p', 'p.id', 'a.population_set_id')
    .select(['a.id', 'a.space_id', 'a.name', 'a.mode'])
    .where('a.space_id', 'in', spaceIds)
    .where('a.summary', 'is not', null)
    .where('p.kind', '=', 'localities')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('population_origins as o').select('o.seq').whereRef('o.set_id', '=', 'p.id').where('o.origin_id', '=', localityId)),
    )
    .orderBy('a.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Service points that are not closed, inside the box. */
export function pointsNear(db: Kysely<Database>, spaceIds: string[], box: Box) {
  if (spaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_points')
    .select(['id', 'space_id', 'name', 'kinds', 'lon', 'lat'])
    .where('space_id', 'in', spaceIds)
    .where('status', '<>', 'closed')
    .where('lon', '>=', box.west)
    .where('lon', '<=', box.east)
    .where('lat', '>=', box.south)
    .where('lat', '<=', box.north)
    .execute();
}
