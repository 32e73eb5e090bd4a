import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function addOrganisationToSpace(db: Kysely<Database>, spaceId: string, organisationId: string, now: Date) {
  return db
    .insertInto('space_organisations')
    .values({ space_id: spaceId, organisation_id: organisationId, added_at: now })
    .onConflict((oc) => oc.columns(['space_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .executeTakeFirst();
}

export function removeOrganisationFromSpace(db: Kysely<Database>, spaceId: string, organisationId: string) {
  return db.deleteFrom('space_organisations').where('space_id', '=', spaceId).where('organisation_id', '=', organisationId).returning('organisation_id').executeTakeFirst();
}

export async function organisationIdsOfSpace(db: Kysely<Database>, spaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('space_organisations').select('organisation_id').where('space_id', '=', spaceId).execute();
  return rows.map((r) => r.organisation_id);
}
