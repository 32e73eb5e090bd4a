import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildSpace, buildUser } from '../../../test/factories.ts';
import { DAILY_DIGEST_JOB, sendDigests } from './digest.service.ts';

/**
 * Two app instances on one PostgreSQL database: the daily digest is enqueued by one of them and
 * each person gets one digest holding each waiting notice once. Runs only in the PostgreSQL pass.
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

describe('notification digests on several instances', () => {
  it('are sent once, however many instances check at the same moment', async () => {
    const leaders = await Promise.all([buildUser(a), buildUser(a), buildUser(a)]);
    const space = (await buildSpace(a, { members: leaders.map((user) => ({ user, role: 'facilitator' as const })) })).id;
    for (const text of ['Inspel ett om bussen', 'Inspel två om butiken']) {
      expect((await a.client().post(`/api/spaces/${space}/inputs`, { text, kind: 'idea' })).status).toBe(201);
    }
    const tomorrow = new Date(a.clock.now().getTime() + 86_400_000);
    const made = await Promise.all([
      ...Array.from({ length: 3 }, () => a.deps.jobs.runSchedules(tomorrow, [DAILY_DIGEST_JOB])),
      ...Array.from({ length: 3 }, () => b.deps.jobs.runSchedules(tomorrow, [DAILY_DIGEST_JOB])),
    ]);
    expect(made.flat()).toHaveLength(1);
    await Promise.all([a.deps.jobs.idle(), b.deps.jobs.idle()]);
    // Even digests run by hand on both instances at once find nothing left to send.
    const extra = await Promise.all([sendDigests(a.deps, 'daily'), sendDigests(b.deps, 'daily')]);
    expect(extra.reduce((n, r) => n + r.digests, 0)).toBe(0);
    for (const leader of leaders) {
      const digests = (await a.outboxFor(leader.email)).filter((m) => m.subject.includes('sammanfattning'));
      expect(digests).toHaveLength(1);
      expect(digests[0]!.text).toContain('Inspel ett om bussen');
      expect(digests[0]!.text).toContain('Inspel två om butiken');
    }
  });

  it('two overlapping runs never put one notice in two digests', async () => {
    const leaders = await Promise.all(Array.from({ length: 6 }, () => buildUser(a)));
    const space = (await buildSpace(a, { members: leaders.map((user) => ({ user, role: 'facilitator' as const })) })).id;
    expect((await a.client().post(`/api/spaces/${space}/inputs`, { text: 'Ett inspel om posten', kind: 'idea' })).status).toBe(201);
    const [x, y] = await Promise.all([sendDigests(a.deps, 'daily'), sendDigests(b.deps, 'daily')]);
    expect(x.notices + y.notices).toBe(6);
    for (const leader of leaders) expect((await a.outboxFor(leader.email)).filter((m) => m.subject.includes('sammanfattning'))).toHaveLength(1);
  });
});
