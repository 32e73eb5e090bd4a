import { type Insertable, type Kysely } from 'kysely';
import type { Database, ProcessesTable } from '../../../db/schema.ts';

export type ProcessRow = NonNullable<Awaited<ReturnType<typeof findProcess>>>;

function base(db: Kysely<Database>) {
  return db
    .selectFrom('processes as p')
    .leftJoin('municipalities as m', 'm.code', 'p.municipality_code')
    .leftJoin('localities as l', 'l.id', 'p.locality_id')
    .selectAll('p')
    .select(['m.name as municipality_name', 'l.name as locality_name']);
}

export function findProcess(db: Kysely<Database>, id: string) {
  return base(db).where('p.id', '=', id).executeTakeFirst();
}

export function listProcesses(db: Kysely<Database>, spaceId: string) {
  return base(db).where('p.space_id', '=', spaceId).orderBy('m.name').orderBy('p.created_at').execute();
}

export function insertProcess(db: Kysely<Database>, values: Insertable<ProcessesTable>) {
  return db.insertInto('processes').values(values).returning('id').executeTakeFirstOrThrow();
}

export function stepStates(db: Kysely<Database>, processIds: string[]) {
  if (processIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('process_steps as s')
    .leftJoin('users as u', 'u.id', 's.ticked_by')
    .selectAll('s')
    .select('u.name as ticked_by_name')
    .where('s.process_id', 'in', processIds)
    .execute();
}

export function upsertStep(
  db: Kysely<Database>,
  processId: string,
  stepId: string,
  values: { ticked_at?: Date | null; ticked_by?: string | null; note?: string; responsible?: string | null; due_date?: string | null },
) {
  return db
    .insertInto('process_steps')
    .values({ process_id: processId, step_id: stepId, ...values })
    .onConflict((oc) => oc.columns(['process_id', 'step_id']).doUpdateSet(values))
    .execute();
}

export function localityMunicipality(db: Kysely<Database>, localityId: string) {
  return db.selectFrom('localities').select('municipality_code').where('id', '=', localityId).executeTakeFirst();
}


export function ticksBy(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('process_steps as s')
    .innerJoin('processes as p', 'p.id', 's.process_id')
    .select(['s.process_id', 's.step_id', 's.ticked_at', 's.note', 'p.name', 'p.municipality_code'])
    .where('s.ticked_by', '=', userId)
    .orderBy('s.ticked_at')
    .execute();
}

/** Takes the person's id out of every row of the processes, feedback and dashboards tables. */
export async function forgetUser(db: Kysely<Database>, userId: string): Promise<number> {
  let n = 0;
  n += Number((await db.updateTable('process_steps').set({ ticked_by: null }).where('ticked_by', '=', userId).executeTakeFirst()).numUpdatedRows);
  for (const table of ['processes', 'process_templates', 'feedback_forms', 'feedback_changes', 'spin_off_effects'] as const)
    n += Number((await db.updateTable(table).set({ created_by: null }).where('created_by', '=', userId).executeTakeFirst()).numUpdatedRows);
  return n;
}
