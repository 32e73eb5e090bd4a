import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, EventsTable } from '../../../db/schema.ts';
import { inCoverageScope, tagged, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export function findEvent(db: Kysely<Database>, id: string) {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the event row for the rest of the transaction: registrations for one event queue here. */
export function lockEvent(db: Kysely<Database>, id: string) {
  return db.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

type EventListFilter = { when: 'upcoming' | 'past' | 'all'; kind?: string | undefined; now: Date };

/** A space's events as a list shows them: upcoming or past by the clock, of one kind, in order. */
function eventsOfSpaceQuery(db: Kysely<Database>, spaceId: string, filter: EventListFilter, limit: number) {
  let query = db.selectFrom('events').selectAll('events').where('space_id', '=', spaceId);
  if (filter.when === 'upcoming') query = query.where('ends_at', '>=', filter.now);
  if (filter.when === 'past') query = query.where('ends_at', '<', filter.now);
  if (filter.kind) query = query.where('kind', '=', filter.kind as never);
  return query.orderBy('starts_at', filter.when === 'past' ? 'desc' : 'asc').limit(limit);
}

export function listEventsOfSpace(db: Kysely<Database>, spaceId: string, filter: EventListFilter, limit = 2000) {
  return eventsOfSpaceQuery(db, spaceId, filter, limit).execute();
}

export function insertEvent(db: Kysely<Database>, values: Insertable<EventsTable>) {
  return db.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateEvent(db: Kysely<Database>, id: string, values: Updateable<EventsTable>) {
  return db.updateTable('events').set(values).where('id', '=', id).execute();
}

/** Raises the iCalendar SEQUENCE: calendars replace their copy only when it grows. */
export function bumpSequence(db: Kysely<Database>, id: string, values: Updateable<EventsTable>) {
  return db
    .updateTable('events')
    .set({ ...values, sequence: sql<number>`sequence + 1` })
    .where('id', '=', id)
    .returning('sequence')
    .executeTakeFirstOrThrow();
}

/**
 * `listEventsOfSpace` with each event's co-hosts and seat counts (as `cohostsAndSeatCounts` gives
 * them) in the same query: a public event list is one round trip to the database, not two.
 */
export async function listEventsOfSpaceWithSeats(
  db: Kysely<Database>,
  spaceId: string,
  filter: EventListFilter,
  limit = 2000,
): Promise<{ rows: EventRow[] } & Awaited<ReturnType<typeof cohostsAndSeatCounts>>> {
  const found = await eventsOfSpaceQuery(db, spaceId, filter, limit)
    .select([
      sql<{ event_id: string; id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('event_id', ec.event_id, 'id', o.id, 'name', o.name) order by o.name, o.id)
        from event_cohosts ec join organisations o on o.id = ec.organisation_id
        where ec.event_id = events.id), '[]'::json)`.as('cohosts_of_event'),
      sql<{ event_id: string; mode: 'on_site' | 'online'; status: 'confirmed' | 'waitlisted'; count: number }[]>`coalesce((
        select json_agg(json_build_object('event_id', c.event_id, 'mode', c.mode, 'status', c.status, 'count', c.n))
        from (select event_id, mode, status, count(*)::int as n from registrations
              where event_id = events.id and status <> 'cancelled' group by event_id, mode, status) c), '[]'::json)`.as('counts_of_event'),
    ])
    .execute();
  return {
    rows: found.map(({ cohosts_of_event: _cohosts, counts_of_event: _counts, ...row }) => row),
    cohosts: found.flatMap((row) => row.cohosts_of_event),
    counts: found.flatMap((row) => row.counts_of_event),
  };
}

/**
 * Co-hosts (by name) and confirmed and waitlisted counts per event and mode, for a page of events
 * in one round trip.
 */
export async function cohostsAndSeatCounts(db: Kysely<Database>, eventIds: string[]) {
  if (eventIds.length === 0) return { cohosts: [], counts: [] };
  const row = await db
    .selectNoFrom([
      sql<{ event_id: string; id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('event_id', ec.event_id, 'id', o.id, 'name', o.name) order by o.name, o.id)
        from event_cohosts ec join organisations o on o.id = ec.organisation_id
        where ec.event_id = any(${eventIds}::uuid[])), '[]'::json)`.as('cohosts'),
      sql<{ event_id: string; mode: 'on_site' | 'online'; status: 'confirmed' | 'waitlisted'; count: number }[]>`coalesce((
        select json_agg(json_build_object('event_id', c.event_id, 'mode', c.mode, 'status', c.status, 'count', c.n))
        from (select event_id, mode, status, count(*)::int as n from registrations
              where event_id = any(${eventIds}::uuid[]) and status <> 'cancelled' group by event_id, mode, status) c), '[]'::json)`.as(
        'counts',
      ),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export async function replaceCohosts(db: Kysely<Database>, eventId: string, organisationIds: string[]) {
  await db.deleteFrom('event_cohosts').where('event_id', '=', eventId).execute();
  const unique = [...new Set(organisationIds)];
  if (unique.length)
    await db
      .insertInto('event_cohosts')
      .values(unique.map((id) => ({ event_id: eventId, organisation_id: id })))
      .execute();
}

export function spaceName(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('spaces').select('name').where('id', '=', spaceId).executeTakeFirst();
}

export function organisationsExisting(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
}

export function groupInSpace(db: Kysely<Database>, groupId: string, spaceId: string) {
  return db.selectFrom('working_groups').select('id').where('id', '=', groupId).where('space_id', '=', spaceId).executeTakeFirst();
}

export async function cohostIdsOf(db: Kysely<Database>, eventId: string): Promise<string[]> {
  return (await db.selectFrom('event_cohosts').select('organisation_id').where('event_id', '=', eventId).execute()).map(
    (r) => r.organisation_id,
  );
}

/** Agenda 2030 coverage: the tagged, not cancelled events in the scope. */
export function eventsInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('events')
    .select(['id', 'space_id', 'municipality_code', 'title', 'goals', 'targets', 'starts_at', 'ends_at'])
    .where('status', '=', 'scheduled')
    .where(tagged('events.goals', 'events.targets'))
    .where(inCoverageScope(scope, 'events.space_id', 'events.municipality_code'))
    .execute();
}
