import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertScenario(
  db: Kysely<Database>,
  v: { analysisId: string; spaceId: string; name: string; input: unknown; summary: unknown; changedCount: number; createdBy: string | null; now: Date },
) {
  return db
    .insertInto('scenarios')
    .values({
      analysis_id: v.analysisId,
      space_id: v.spaceId,
      name: v.name,
      input: JSON.stringify(v.input),
      summary: JSON.stringify(v.summary),
      changed_count: v.changedCount,
      created_by: v.createdBy,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listScenarios(db: Kysely<Database>, analysisId: string) {
  return db.selectFrom('scenarios').selectAll().where('analysis_id', '=', analysisId).orderBy('created_at', 'desc').execute();
}

export function findScenario(db: Kysely<Database>, id: string) {
  return db.selectFrom('scenarios').selectAll().where('id', '=', id).executeTakeFirst();
}
