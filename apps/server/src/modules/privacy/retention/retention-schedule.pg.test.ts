import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { RETENTION_JOB } from './retention.service.ts';

/**
 * Two app instances on one PostgreSQL database, as a region runs them: the daily retention job
 * is enqueued by exactly one of them, and runs once. Runs only in the PostgreSQL pass (TEST_DATABASE_URL).
 */
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ sameDatabaseAs: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('the daily retention job on several instances', () => {
  it('is enqueued by one instance and run once, however many check at the same moment', async () => {
    const now = a.clock.now();
    const made = await Promise.all([
      ...Array.from({ length: 4 }, () => a.deps.jobs.runSchedules(now, [RETENTION_JOB])),
      ...Array.from({ length: 4 }, () => b.deps.jobs.runSchedules(now, [RETENTION_JOB])),
    ]);
    expect(made.flat()).toHaveLength(1);
    await Promise.all([a.deps.jobs.idle(), b.deps.jobs.idle()]);
    const jobs = await a.deps.db.selectFrom('jobs').select(['id', 'status', 'attempts']).where('kind', '=', RETENTION_JOB).execute();
    expect(jobs).toEqual([{ id: made.flat()[0], status: 'done', attempts: 1 }]);
    // The next day, again exactly one.
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const next = await Promise.all([a.deps.jobs.runSchedules(tomorrow, [RETENTION_JOB]), b.deps.jobs.runSchedules(tomorrow, [RETENTION_JOB])]);
    expect(next.flat()).toHaveLength(1);
  });
});
