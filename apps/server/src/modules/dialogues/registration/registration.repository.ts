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
