import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, EventsTable } from '../../../db/schema.ts';

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export function findEvent(db: Kysely<Database>, id: string) {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the event row for the rest of the transaction: registrations for one event queue here. */
export function lockEvent(db: Kysely<Database>, id: string) {
  return db.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listEventsOfSpace(
  db: Kysely<Database>,
  spaceId: string,
  filter: { when: 'upcoming' | 'past' | 'all'; kind?: string | undefined; now: Date },
) {
  let query = db.selectFrom('events').selectAll().where('space_id', '=', spaceId);
  if (filter.when === 'upcoming') query = query.where('ends_at', '>=', filter.now);
  if (filter.when === 'past') query = query.where('ends_at', '<', filter.now);
  if (filter.kind) query = query.where('kind', '=', filter.kind as never);
  return query
    .orderBy('starts_at', filter.when === 'past' ? 'desc' : 'asc')
    .limit(2000)
    .execute();
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

export function cohostsOf(db: Kysely<Database>, eventIds: string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event_cohosts')
    .innerJoin('organisations', 'organisations.id', 'event_cohosts.organisation_id')
    .select(['event_cohosts.event_id', 'organisations.id', 'organisations.name'])
    .where('event_cohosts.event_id', 'in', eventIds)
    .orderBy('organisations.name')
    .execute();
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

/** Confirmed and waitlisted counts per event and mode. */
export function seatCounts(db: Kysely<Database>, eventIds: string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registrations')
    .select(['event_id', 'mode', 'status', sql<number>`count(*)::int`.as('count')])
    .where('event_id', 'in', eventIds)
    .where('status', '<>', 'cancelled')
    .groupBy(['event_id', 'mode', 'status'])
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
