import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertAnalysis(
  db: Kysely<Database>,
  v: {
    spaceId: string;
    jobId: string;
    name: string;
    pointsAsOf: Date;
    points: unknown[];
    populationSetId: string;
    networkId: string | null;
    mode: 'road' | 'straight_line';
    types: string[];
    profile: Record<string, unknown>;
    thresholdsMin: number[];
    vulnerableMin: number;
    createdBy: string | null;
    now: Date;
  },
) {
  return db
    .insertInto('analyses')
    .values({
      space_id: v.spaceId,
      job_id: v.jobId,
      name: v.name,
      points_as_of: v.pointsAsOf,
      points: JSON.stringify(v.points),
      point_count: v.points.length,
      population_set_id: v.populationSetId,
      network_id: v.networkId,
      mode: v.mode,
      types: v.types,
      profile: JSON.stringify(v.profile),
      thresholds_min: v.thresholdsMin,
      vulnerable_min: v.vulnerableMin,
      summary: null,
      results: null,
      created_by: v.createdBy,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function viewQuery(db: Kysely<Database>) {
  return db
    .selectFrom('analyses as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('population_sets as p', 'p.id', 'a.population_set_id')
    .leftJoin('road_networks as n', 'n.id', 'a.network_id')
    .select([
      'a.id',
      'a.space_id',
      'a.name',
      'a.job_id',
      'j.status',
      'j.stage',
      'j.percent',
      'j.error',
      'a.points_as_of',
      sql<number>`coalesce(a.point_count, jsonb_array_length(a.points))`.as('point_count'),
      'a.population_set_id',
      'p.name as population_name',
      'p.kind as population_kind',
      'p.year as population_year',
      'a.network_id',
      'n.name as network_name',
      'n.file_name as network_file_name',
      'a.mode',
      'a.types',
      'a.thresholds_min',
      'a.vulnerable_min',
      'a.profile',
      'a.created_at',
      'j.started_at',
      'j.finished_at',
    ]);
}

export function findAnalysisView(db: Kysely<Database>, id: string) {
  return viewQuery(db).select('a.summary').where('a.id', '=', id).executeTakeFirst();
}

export function listAnalysisViews(db: Kysely<Database>, spaceId: string) {
  return viewQuery(db).where('a.space_id', '=', spaceId).orderBy('a.created_at', 'desc').limit(200).execute();
}

export function findAnalysisInputs(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('analyses')
    .select(['id', 'space_id', 'points', 'population_set_id', 'network_id', 'types', 'profile', 'thresholds_min', 'vulnerable_min'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// The result table travels as base64 text, decoded by the database: on PGlite a bytea parameter or
// column of several MB is converted byte by byte in JavaScript (about 6× the CPU time of this).
export async function findResults(db: Kysely<Database>, id: string): Promise<{ results: Buffer | null } | undefined> {
  const row = await db.selectFrom('analyses').select(sql<string | null>`encode(results, 'base64')`.as('results')).where('id', '=', id).executeTakeFirst();
  return row && { results: row.results === null ? null : Buffer.from(row.results, 'base64') };
}

export function storeResults(db: Kysely<Database>, id: string, summary: unknown, results: Buffer) {
  return db
    .updateTable('analyses')
    .set({ summary: JSON.stringify(summary), results: sql<Buffer>`decode(${results.toString('base64')}, 'base64')` })
    .where('id', '=', id)
    .execute();
}
