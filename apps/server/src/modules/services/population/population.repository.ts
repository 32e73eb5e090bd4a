import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ParsedOrigin } from './population-file.ts';

export function insertPopulationSet(
  db: Kysely<Database>,
  values: { spaceId: string; kind: 'grid' | 'origins' | 'localities'; name: string; year: number | null; fileName: string | null; origins: number; population: number; hasAge: boolean; createdBy: string; now: Date },
) {
  return db
    .insertInto('population_sets')
    .values({
      space_id: values.spaceId,
      kind: values.kind,
      name: values.name,
      year: values.year,
      file_name: values.fileName,
      origin_count: values.origins,
      population: values.population,
      has_age: values.hasAge,
      created_by: values.createdBy,
      created_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertOrigins(db: Kysely<Database>, setId: string, origins: ParsedOrigin[]): Promise<void> {
  const BATCH = 2000;
  for (let i = 0; i < origins.length; i += BATCH) {
    await db
      .insertInto('population_origins')
      .values(
        origins.slice(i, i + BATCH).map((o, k) => ({
          set_id: setId,
          seq: i + k,
          origin_id: o.id,
          name: o.name,
          lon: o.lon,
          lat: o.lat,
          population: o.population,
          municipality_code: o.municipalityCode,
          men: o.men,
          women: o.women,
          under_20: o.under20,
          age_65_plus: o.age65Plus,
        })),
      )
      .execute();
  }
}

export function listPopulationSets(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('population_sets').selectAll().where('space_id', '=', spaceId).orderBy('created_at', 'desc').execute();
}

export function findPopulationSet(db: Kysely<Database>, id: string) {
  return db.selectFrom('population_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function populationByMunicipality(db: Kysely<Database>, setIds: string[]) {
  if (!setIds.length) return Promise.resolve([]);
  return db
    .selectFrom('population_origins')
    .select([
      'set_id',
      'municipality_code',
      sql<number>`sum(population)`.as('population'),
      sql<number>`count(*)`.as('origins'),
      sql<number | null>`case when count(age_65_plus) = count(*) then sum(age_65_plus) end`.as('age_65_plus'),
      sql<number | null>`case when count(under_20) = count(*) then sum(under_20) end`.as('under_20'),
    ])
    .where('set_id', 'in', setIds)
    .groupBy(['set_id', 'municipality_code'])
    .orderBy('municipality_code')
    .execute();
}

/**
 * A set's origins in file order, as one JSON text built by the database: for a national set
 * (115,000 rows) about a quarter of the CPU time of returning rows (PGlite makes an object per row and
 * value). Doubles come out in their shortest exact form, so JSON.parse gives back the same numbers.
 */
export async function listOrigins(db: Kysely<Database>, setId: string) {
  const row = await sql<{ rows: string | null }>`
    select json_agg(json_build_array(origin_id, name, lon, lat, population, municipality_code) order by seq)::text as rows
    from population_origins where set_id = ${setId}`.execute(db);
  const rows = JSON.parse(row.rows[0]?.rows ?? '[]') as [string, string | null, number, number, number, string | null][];
  return rows.map(([origin_id, name, lon, lat, population, municipality_code]) => ({ origin_id, name, lon, lat, population, municipality_code }));
}
