import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertSnapshot(
  db: Kysely<Database>,
  values: { spaceId: string; name: string; at: string; takenAt: Date; network: unknown; createdBy: string | null },
) {
  return db
    .insertInto('network_snapshots')
    .values({ space_id: values.spaceId, name: values.name, at: values.at, taken_at: values.takenAt, network: JSON.stringify(values.network), created_by: values.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listSnapshots(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('network_snapshots').selectAll().where('space_id', '=', spaceId).orderBy('taken_at', 'desc').execute();
}

export function findSnapshot(db: Kysely<Database>, spaceId: string, id: string) {
  return db.selectFrom('network_snapshots').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
}

export async function organisationIdsInArea(db: Kysely<Database>, area: { municipality?: string | undefined; county?: string | undefined }): Promise<string[]> {
  let query = db.selectFrom('organisations').leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code').select('organisations.id');
  if (area.municipality) query = query.where('organisations.municipality_code', '=', area.municipality);
  if (area.county) query = query.where('municipalities.county_code', '=', area.county);
  return (await query.execute()).map((r) => r.id);
}
