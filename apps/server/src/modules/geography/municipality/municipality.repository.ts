import type { Insertable, Kysely } from 'kysely';
import type { Database, MunicipalitiesTable } from '../../../db/schema.ts';

export function listMunicipalities(db: Kysely<Database>, countyCode?: string) {
  let query = db.selectFrom('municipalities').select(['code', 'name', 'county_code', 'centroid_lon', 'centroid_lat']);
  if (countyCode) query = query.where('county_code', '=', countyCode);
  return query.execute();
}

export function findMunicipality(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('municipalities')
    .innerJoin('counties', 'counties.code', 'municipalities.county_code')
    .select([
      'municipalities.code',
      'municipalities.name',
      'municipalities.county_code',
      'municipalities.boundary',
      'municipalities.centroid_lon',
      'municipalities.centroid_lat',
      'counties.name as county_name',
    ])
    .where('municipalities.code', '=', code)
    .executeTakeFirst();
}

export function listMunicipalityBoundaries(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('municipalities').select(['code', 'name', 'county_code', 'boundary']).where('code', 'in', codes).execute();
}

export async function existingMunicipalityCodes(db: Kysely<Database>, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('municipalities').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function countMunicipalities(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds reference municipalities; codes already present are left as they are. */
export async function insertMunicipalities(db: Kysely<Database>, rows: Insertable<MunicipalitiesTable>[]) {
  await db
    .insertInto('municipalities')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
