import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Answer, type Client, type TestApp } from '../test/app.ts';
import { MAX_ANONYMOUS_INPUTS } from '../modules/dialogues/input/input-throttle.ts';
import { MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT } from '../modules/dialogues/registration/registration-limits.ts';

/**
 * Two app instances on one PostgreSQL database, as a region runs them behind a load balancer: the
 * rate limits are counted in the database, so spreading requests over the instances gains nothing.
 * Runs only in the PostgreSQL pass (TEST_DATABASE_URL).
 */
let a: TestApp;
let b: TestApp;
let lead: { client: Client; id: string; email: string };
let spaceId: string;

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ sameDatabaseAs: a });
  lead = await a.user({ name: 'Processledare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Två instanser', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039'] })).body.id;
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** The same client address on both instances, taking turns. */
const onBoth = (ip: string) => [a.client({ ip }), b.client({ ip })] as const;
const statuses = (answers: Answer[]) => answers.map((x) => x.status).sort();

describe('rate limits across two instances on one database', () => {
  it('counts registrations from one address together, also when they arrive at once', async () => {
    const start = new Date(a.clock.now().getTime() + 10 * 86_400_000).toISOString();
    const end = new Date(a.clock.now().getTime() + 10 * 86_400_000 + 7_200_000).toISOString();
    const event = await lead.client.post(`/api/spaces/${spaceId}/events`, { kind: 'seminar', title: 'Seminarium', startsAt: start, endsAt: end, capacity: 100 });
    expect(event.status).toBe(201);
    const clients = onBoth('203.0.113.50');
    const tries = MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT * 2;
    const answers = await Promise.all(
      Array.from({ length: tries }, (_, i) =>
        clients[i % 2]!.post(`/api/events/${event.body.id}/registrations`, { name: `Skript ${i}`, email: `skript${i}@example.org` }),
      ),
    );
    expect(statuses(answers)).toEqual([...Array(MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT).fill(201), ...Array(tries - MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT).fill(429)]);
    for (const refused of answers.filter((x) => x.status === 429)) expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const stored = await a.deps.db.selectFrom('registrations').select('email').where('event_id', '=', event.body.id).execute();
    expect(stored).toHaveLength(MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT);
    // Mail went out only for the accepted ones.
    const accepted = new Set(stored.map((r) => r.email));
    for (let i = 0; i < tries; i++) {
      const mails = await a.outboxFor(`skript${i}@example.org`);
      expect(mails, `skript${i}`).toHaveLength(accepted.has(`skript${i}@example.org`) ? 1 : 0);
    }
  });

  it('counts anonymous inputs from one address to a space together', async () => {
    const [onA, onB] = onBoth('203.0.113.51');
    for (let i = 0; i < MAX_ANONYMOUS_INPUTS; i++)
      expect((await (i % 2 ? onB : onA).post(`/api/spaces/${spaceId}/inputs`, { text: `Inspel ${i}`, kind: 'idea' })).status).toBe(201);
    const refusedOnA = await onA.post(`/api/spaces/${spaceId}/inputs`, { text: 'Ett till', kind: 'idea' });
    const refusedOnB = await onB.post(`/api/spaces/${spaceId}/inputs`, { text: 'Ett till', kind: 'idea' });
    expect([refusedOnA.status, refusedOnB.status]).toEqual([429, 429]);
    expect(Number(refusedOnB.headers['retry-after'])).toBeGreaterThan(0);
    const stored = await b.deps.db.selectFrom('inputs').select('id').where('space_id', '=', spaceId).execute();
    expect(stored).toHaveLength(MAX_ANONYMOUS_INPUTS);
  });

  it('counts anonymous consultation comments from one address on a plan together', async () => {
    const plan = await lead.client.post(`/api/spaces/${spaceId}/service-plans`, { title: 'Serviceplan', municipalityCode: '2039', periodStart: 2026, periodEnd: '2029' });
    expect(plan.status).toBe(201);
    const endsOn = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(a.clock.now().getTime() + 30 * 86_400_000));
    expect((await lead.client.post(`/api/service-plans/${plan.body.id}/consultation`, { endsOn })).status).toBe(200);
    const [onA, onB] = onBoth('203.0.113.52');
    const answers = await Promise.all(
      Array.from({ length: MAX_ANONYMOUS_INPUTS + 6 }, (_, i) => (i % 2 ? onB : onA).post(`/api/service-plans/${plan.body.id}/comments`, { body: `Synpunkt ${i}` })),
    );
    expect(statuses(answers)).toEqual([...Array(MAX_ANONYMOUS_INPUTS).fill(201), ...Array(6).fill(429)]);
    const stored = await a.deps.db.selectFrom('service_plan_comments').select('id').where('plan_id', '=', plan.body.id).execute();
    expect(stored).toHaveLength(MAX_ANONYMOUS_INPUTS);
  });
});
