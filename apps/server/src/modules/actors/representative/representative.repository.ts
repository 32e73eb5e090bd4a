import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

function base(db: Kysely<Database>) {
  return db
    .selectFrom('organisation_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('users as c', 'c.id', 'r.confirmed_by')
    .select(['r.organisation_id', 'r.user_id', 'r.role', 'r.status', 'r.requested_at', 'r.confirmed_at', 'u.name', 'c.name as confirmed_by_name']);
}

export type RepresentativeRow = Awaited<ReturnType<typeof listRepresentatives>>[number];

/** An organisation's representatives and claims; confirmed first, then by name. */
export function listRepresentatives(db: Kysely<Database>, organisationId: string) {
  return base(db).where('r.organisation_id', '=', organisationId).orderBy('r.status', 'desc').orderBy('u.name').execute();
}

export function findRepresentative(db: Kysely<Database>, organisationId: string, userId: string) {
  return base(db).where('r.organisation_id', '=', organisationId).where('r.user_id', '=', userId).executeTakeFirst();
}

/** Who stands for which of these organisations (confirmed or waiting), for the policies. */
export function stewardsOf(db: Kysely<Database>, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisation_representatives').select(['organisation_id', 'user_id', 'status']).where('organisation_id', 'in', organisationIds).execute();
}

export function insertClaim(db: Kysely<Database>, values: { organisationId: string; userId: string; role: string; now: Date }) {
  return db
    .insertInto('organisation_representatives')
    .values({ organisation_id: values.organisationId, user_id: values.userId, role: values.role, requested_at: values.now })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
}

export function confirmClaim(db: Kysely<Database>, organisationId: string, userId: string, confirmedBy: string | null, now: Date) {
  return db
    .updateTable('organisation_representatives')
    .set({ status: 'confirmed', confirmed_by: confirmedBy, confirmed_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .returning('user_id')
    .executeTakeFirst();
}

export function deleteRepresentative(db: Kysely<Database>, organisationId: string, userId: string) {
  return db.deleteFrom('organisation_representatives').where('organisation_id', '=', organisationId).where('user_id', '=', userId).returning('status').executeTakeFirst();
}

/** Whom to tell: the confirmed representatives, or the platform admins when there are none. */
export async function stewardContacts(db: Kysely<Database>, organisationId: string) {
  const representatives = await db
    .selectFrom('organisation_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.email', 'u.language'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.status', '=', 'confirmed')
    .where('u.disabled_at', 'is', null)
    .execute();
  if (representatives.length > 0) return representatives;
  return db.selectFrom('users').select(['email', 'language']).where('is_admin', '=', true).where('disabled_at', 'is', null).execute();
}
