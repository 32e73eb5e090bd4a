import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, VolunteerCallsTable, VolunteerSignupsTable } from '../../../db/schema.ts';

export type VolunteerCallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;
export type VolunteerSignupRow = NonNullable<Awaited<ReturnType<typeof findSignup>>>;

export function findCall(db: Kysely<Database>, id: string) {
  return db.selectFrom('volunteer_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the call for the rest of the transaction: sign-ups for one call queue here, so it never overfills. */
export function lockCall(db: Kysely<Database>, id: string) {
  return db.selectFrom('volunteer_calls').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** An initiative's calls with their confirmed sign-ups and the hours given (aggregates only). */
export function callsOfInitiative(db: Kysely<Database>, initiativeId: string) {
  return db
    .selectFrom('volunteer_calls as c')
    .selectAll('c')
    .select([
      sql<number>`(select count(*)::int from volunteer_signups s where s.call_id = c.id and s.status = 'confirmed')`.as('confirmed'),
      sql<number>`(select coalesce(sum(s.hours), 0)::float8 from volunteer_signups s where s.call_id = c.id and s.status = 'confirmed')`.as('hours_given'),
    ])
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('c.starts_at')
    .orderBy('c.id')
    .limit(500)
    .execute();
}
export type CallWithCounts = Awaited<ReturnType<typeof callsOfInitiative>>[number];

export function insertCall(db: Kysely<Database>, values: Insertable<VolunteerCallsTable>) {
  return db.insertInto('volunteer_calls').values(values).returning('id').executeTakeFirstOrThrow();
}

export function findSignup(db: Kysely<Database>, id: string) {
  return db.selectFrom('volunteer_signups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSignupByTokenHash(db: Kysely<Database>, column: 'confirm_token_hash' | 'cancel_token_hash', hash: string) {
  return db.selectFrom('volunteer_signups').selectAll().where(column, '=', hash).executeTakeFirst();
}

export function signupsOfCall(db: Kysely<Database>, callId: string) {
  return db.selectFrom('volunteer_signups').selectAll().where('call_id', '=', callId).orderBy('created_at').orderBy('id').limit(10_000).execute();
}

export async function countLive(db: Kysely<Database>, callId: string): Promise<number> {
  const row = await db
    .selectFrom('volunteer_signups')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('call_id', '=', callId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findLiveByEmail(db: Kysely<Database>, callId: string, email: string) {
  return db
    .selectFrom('volunteer_signups')
    .select('id')
    .where('call_id', '=', callId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

export function insertSignup(db: Kysely<Database>, values: Insertable<VolunteerSignupsTable>) {
  return db.insertInto('volunteer_signups').values(values).execute();
}

export function updateSignup(db: Kysely<Database>, id: string, values: Updateable<VolunteerSignupsTable>) {
  return db.updateTable('volunteer_signups').set(values).where('id', '=', id).execute();
}

/** Sign-ups given with this e-mail address (for "download my data" and erasure). */
export function signupsOfEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_calls as c', 'c.id', 's.call_id')
    .select(['s.id', 's.name', 's.email', 's.phone', 's.status', 's.hours', 's.created_at', 's.confirmed_at', 's.cancelled_at', 'c.title as call_title', 'c.starts_at', 'c.ends_at'])
    .where(sql<string>`lower(s.email)`, '=', email.toLowerCase())
    .execute();
}

/** Retention: sign-ups to calls that ended before `endedBefore` and still hold contact details. */
export function signupsWithContactsEndedBefore(db: Kysely<Database>, endedBefore: Date, deletedSuffix: string) {
  return db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_calls as c', 'c.id', 's.call_id')
    .select('s.id')
    .where('c.ends_at', '<', endedBefore)
    .where('s.email', 'not like', `%${deletedSuffix}`)
    .execute();
}

/** Retention: sign-ups never confirmed, made before `before`. */
export function deletePendingBefore(db: Kysely<Database>, before: Date) {
  return db.deleteFrom('volunteer_signups').where('status', '=', 'pending').where('created_at', '<', before).executeTakeFirst();
}
