import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { buildSpace } from '../test/factories.ts';
import { buildInputs } from '../test/process-factories.ts';
import { DB_MAINTENANCE_JOB } from './maintenance.ts';

/** Planner statistics on the embedded database (PGlite has no autovacuum): an hourly job, on PGlite only. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const estimatedRows = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = ${table} and relkind = 'r'`.execute(t.deps.db))
      .rows[0]!.n,
  );

describe('database maintenance', () => {
  it('on PGlite, runs once an hour and gives the planner the tables’ true size; on a PostgreSQL server autovacuum does it', async () => {
    const space = await buildSpace(t, {});
    await buildInputs(
      t,
      space.id,
      '2422',
      Array.from({ length: 120 }, (_, i) => (i % 2 ? { answeredAfterDays: i % 9, status: 'done' as const } : {})),
    );
    const inputs = Number(
      (
        await t.deps.db
          .selectFrom('inputs')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(inputs).toBeGreaterThanOrEqual(120);
    const now = t.clock.now();
    const made = await t.deps.jobs.runSchedules(now, [DB_MAINTENANCE_JOB]);
    if (t.deps.dbKind === 'postgres') {
      expect(made).toEqual([]);
      return;
    }
    // Never analyzed: the planner has no idea how many rows there are.
    expect(await estimatedRows('inputs')).not.toBe(inputs);
    expect(made).toHaveLength(1);
    // Once per hour: a second check in the same hour makes no job, the next hour does.
    expect(await t.deps.jobs.runSchedules(now, [DB_MAINTENANCE_JOB])).toEqual([]);
    t.deps.jobs.start();
    await t.deps.jobs.idle();
    const job = await t.deps.jobs.get(made[0]!);
    expect(job).toMatchObject({ status: 'done', result: { vacuumed: expect.arrayContaining(['inputs', 'input_status_changes']) } });
    expect(await estimatedRows('inputs')).toBe(inputs);
    const changes = Number(
      (
        await t.deps.db
          .selectFrom('input_status_changes')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(changes).toBeGreaterThanOrEqual(60);
    expect(await estimatedRows('input_status_changes')).toBe(changes);
    t.clock.advance(3_600_000);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [DB_MAINTENANCE_JOB])).toHaveLength(1);
    await t.deps.jobs.stop();
  });
});
