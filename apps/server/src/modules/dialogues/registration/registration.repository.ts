import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, RegistrationsTable } from '../../../db/schema.ts';

export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;

export function findRegistration(db: Kysely<Database>, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockRegistration(db: Kysely<Database>, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listRegistrations(db: Kysely<Database>, eventId: string) {
  return db.selectFrom('registrations').selectAll().where('event_id', '=', eventId).orderBy('seq').limit(20000).execute();
}

/** Registrations still live (confirmed or waitlisted): the people to tell about a change. */
export function liveRegistrations(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .orderBy('seq')
    .execute();
}

export async function countConfirmed(db: Kysely<Database>, eventId: string, mode: string): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('event_id', '=', eventId)
    .where('mode', '=', mode as never)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Place in the waitlist, 1 = next in line. */
export async function waitlistPosition(db: Kysely<Database>, row: Pick<RegistrationRow, 'id' | 'event_id' | 'mode'>): Promise<number> {
  const result = await db
    .selectFrom('registrations')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('event_id', '=', row.event_id)
    .where('mode', '=', row.mode)
    .where('status', '=', 'waitlisted')
    .where('seq', '<=', (eb) => eb.selectFrom('registrations as own').select('own.seq').where('own.id', '=', row.id))
    .executeTakeFirstOrThrow();
  return result.count;
}

export function firstWaitlisted(db: Kysely<Database>, eventId: string, mode: string, limit: number | null) {
  let query = db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('mode', '=', mode as never)
    .where('status', '=', 'waitlisted')
    .orderBy('seq');
  if (limit !== null) query = query.limit(limit);
  return query.forUpdate().execute();
}

export function findLiveByEmail(db: Kysely<Database>, eventId: string, email: string) {
  return db
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .executeTakeFirst();
}

export function insertRegistration(db: Kysely<Database>, values: Insertable<RegistrationsTable>) {
  return db.insertInto('registrations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateRegistration(db: Kysely<Database>, id: string, values: Updateable<RegistrationsTable>) {
  return db.updateTable('registrations').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function organisationSector(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select(['name', 'sector']).where('id', '=', id).executeTakeFirst();
}

// --- people's data: export, erasure, consent withdrawal, retention ---

/** A person's registrations: made while signed in, or with their e-mail address. */
export function registrationsOfPerson(db: Kysely<Database>, userId: string, email: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .selectAll('registrations')
    .select(['events.title as event_title', 'events.starts_at as event_starts_at', 'events.ends_at as event_ends_at'])
    .where((eb) => eb.or([eb('registrations.user_id', '=', userId), eb(sql<string>`lower(registrations.email)`, '=', email.toLowerCase())]))
    .orderBy('registrations.created_at')
    .execute();
}

/** Deletes diet and accessibility answers of events that ended before `cutoff`; answers how many registrations lost them. */
export async function eraseAnswersOfEventsEndedBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .updateTable('registrations')
    .set({ dietary_needs: null, accessibility_needs: null })
    .where('event_id', 'in', (eb) => eb.selectFrom('events').select('id').where('ends_at', '<', cutoff))
    .where((eb) => eb.or([eb('dietary_needs', 'is not', null), eb('accessibility_needs', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
