import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { inCoverageScope, type CoverageScope } from '../coverage/coverage-scope.ts';
import type { LocalTargetsTable } from './local-target.table.ts';

export function listLocalTargets(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('local_targets').selectAll().where('space_id', '=', spaceId).orderBy('created_at').orderBy('id').execute();
}

export function findLocalTarget(db: Kysely<Database>, id: string) {
  return db.selectFrom('local_targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLocalTarget(db: Kysely<Database>, values: Insertable<LocalTargetsTable>) {
  return db.insertInto('local_targets').values(values).returning('id').executeTakeFirstOrThrow();
}

export function localTargetsInScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('local_targets')
    .select(['id', 'space_id', 'municipality_code', 'title', 'targets', 'created_at'])
    .where(inCoverageScope(scope, 'local_targets.space_id', 'local_targets.municipality_code'))
    .execute();
}
