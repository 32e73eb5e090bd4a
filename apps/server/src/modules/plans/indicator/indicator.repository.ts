import type { Insertable, Kysely } from 'kysely';
import type { Database, IndicatorValuesTable, IndicatorsTable } from '../../../db/schema.ts';

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;

export function findIndicator(db: Kysely<Database>, id: string) {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export function indicatorsOf(db: Kysely<Database>, owners: { measureIds: string[]; goalIds: string[] }) {
  if (owners.measureIds.length === 0 && owners.goalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicators')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(owners.measureIds.length ? [eb('measure_id', 'in', owners.measureIds)] : []),
        ...(owners.goalIds.length ? [eb('goal_id', 'in', owners.goalIds)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

export function valuesOf(db: Kysely<Database>, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicator_values').selectAll().where('indicator_id', 'in', indicatorIds).orderBy('measured_on').orderBy('created_at').execute();
}

export function insertIndicator(db: Kysely<Database>, values: Insertable<IndicatorsTable>) {
  return db.insertInto('indicators').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertIndicatorValue(db: Kysely<Database>, values: Insertable<IndicatorValuesTable>) {
  return db.insertInto('indicator_values').values(values).returning('id').executeTakeFirstOrThrow();
}
