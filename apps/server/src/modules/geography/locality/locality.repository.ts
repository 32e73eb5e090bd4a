import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

const columns = [
  'localities.id',
  'localities.name',
  'localities.municipality_code',
  'localities.lon',
  'localities.lat',
  'localities.population',
  'localities.updated_at',
  'municipalities.name as municipality_name',
] as const;

export function listLocalities(db: Kysely<Database>, filter: { municipalityCode?: string | undefined; q?: string | undefined }) {
  let query = db.selectFrom('localities').innerJoin('municipalities', 'municipalities.code', 'localities.municipality_code').select(columns);
  if (filter.municipalityCode) query = query.where('localities.municipality_code', '=', filter.municipalityCode);
  if (filter.q) query = query.where(sql<boolean>`localities.name ilike ${'%' + filter.q.replace(/[%_\\]/g, '\\$&') + '%'}`);
  return query.limit(5000).execute();
}

export function findLocality(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('localities')
    .innerJoin('municipalities', 'municipalities.code', 'localities.municipality_code')
    .select(columns)
    .where('localities.id', '=', id)
    .executeTakeFirst();
}

export function findLocalityByName(db: Kysely<Database>, municipalityCode: string, name: string) {
  return db
    .selectFrom('localities')
    .select(['id'])
    .where('municipality_code', '=', municipalityCode)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

export function insertLocality(
  db: Kysely<Database>,
  values: { name: string; municipalityCode: string; lon: number; lat: number; population: number | null; now: Date },
) {
  return db
    .insertInto('localities')
    .values({
      name: values.name,
      municipality_code: values.municipalityCode,
      lon: values.lon,
      lat: values.lat,
      population: values.population,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateLocality(
  db: Kysely<Database>,
  id: string,
  values: Partial<{ name: string; municipality_code: string; lon: number; lat: number; population: number | null }>,
  now: Date,
) {
  return db.updateTable('localities').set({ ...values, updated_at: now }).where('id', '=', id).returning('id').executeTakeFirst();
}

export function deleteLocality(db: Kysely<Database>, id: string) {
  return db.deleteFrom('localities').where('id', '=', id).returning('id').executeTakeFirst();
}
