import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { MAX_REGISTRATIONS_PER_ADDRESS, MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT, REGISTRATION_WINDOW_MS } from './registration-limits.ts';

let t: TestApp;
let lead: { client: Client; id: string; email: string };
let spaceId: string;
let counter = 0;

const day = 86_400_000;
const at = (offsetDays: number, hour = 18) => {
  const d = new Date(t.clock.now().getTime() + offsetDays * day);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d.toISOString();
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Byaforum', kind: 'project', visibility: 'public', municipalityCodes: ['2422'] })).body.id;
});
afterAll(() => t.close());

async function newEvent(title: string) {
  const answer = await lead.client.post(`/api/spaces/${spaceId}/events`, { kind: 'village_forum', title, startsAt: at(10), endsAt: at(10, 20), capacity: 100 });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}

const register = (client: Client, eventId: string, email = `person${++counter}@example.org`) =>
  client.post(`/api/events/${eventId}/registrations`, { name: `Person ${counter}`, email });

const registrationsOf = async (eventId: string) =>
  (await t.deps.db.selectFrom('registrations').select('email').where('event_id', '=', eventId).execute()).map((r) => r.email);
const outboxSize = async () => Number((await t.deps.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('registration limits per client address', () => {
  it('lets one address register a few people for an event, then answers 429 with Retry-After and changes nothing', async () => {
    const eventId = await newEvent('Fullt från en adress');
    const script = t.client({ ip: '203.0.113.10' });
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT; i++) expect((await register(script, eventId)).status).toBe(201);
    const before = await outboxSize();
    const refused = await register(script, eventId, 'pahittad@example.org');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(REGISTRATION_WINDOW_MS / 1000);
    expect(refused.body.error.message).toContain('Många anmälningar har kommit från din uppkoppling');
    expect(refused.body.error.message).toContain(`${retryAfter} sekunder`);
    const english = await register(t.client({ ip: '203.0.113.10', language: 'en' }), eventId, 'made-up@example.org');
    expect(english.status).toBe(429);
    expect(english.body.error.message).toContain('Many registrations have come from your connection');
    // Without TRUST_PROXY a client cannot pretend to be someone else with X-Forwarded-For.
    const spoofed = await script.post(`/api/events/${eventId}/registrations`, { name: 'Falsk', email: 'falsk@example.org' }, { 'x-forwarded-for': '198.51.100.99' });
    expect(spoofed.status).toBe(429);
    // Nothing registered, nothing queued for the made-up addresses.
    expect(await registrationsOf(eventId)).toHaveLength(MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT);
    expect(await registrationsOf(eventId)).not.toContain('pahittad@example.org');
    expect(await outboxSize()).toBe(before);
    expect(await t.outboxFor('made-up@example.org')).toHaveLength(0);

    // Another address is not affected, and the event's leader registering people is never counted.
    expect((await register(t.client({ ip: '203.0.113.11' }), eventId)).status).toBe(201);
    const leaderAtTheDoor = t.client({ ip: '203.0.113.10' });
    leaderAtTheDoor.cookie = lead.client.cookie;
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT + 2; i++) expect((await register(leaderAtTheDoor, eventId)).status).toBe(201);

    // Once the window has passed the address may register again.
    t.clock.advance(retryAfter * 1000);
    expect((await register(script, eventId)).status).toBe(201);
    lead.client = await t.signIn(lead.email); // the hour also ended the leader's session
  });

  it('counts a signed-in participant who does not lead the event like anyone else', async () => {
    const eventId = await newEvent('Inloggad deltagare');
    const participant = await t.user({ name: 'Deltagare' });
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT; i++) expect((await register(participant.client, eventId)).status).toBe(201);
    expect((await register(participant.client, eventId)).status).toBe(429);
  });

  it('caps one address over all events together', async () => {
    const address = '203.0.113.20';
    const events = await Promise.all(
      Array.from({ length: Math.ceil(MAX_REGISTRATIONS_PER_ADDRESS / MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT) + 1 }, (_, i) => newEvent(`Träff ${i}`)),
    );
    let accepted = 0;
    for (const eventId of events.slice(0, -1))
      for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT && accepted < MAX_REGISTRATIONS_PER_ADDRESS; i++) {
        expect((await register(t.client({ ip: address }), eventId)).status).toBe(201);
        accepted += 1;
      }
    expect(accepted).toBe(MAX_REGISTRATIONS_PER_ADDRESS);
    const fresh = events.at(-1)!;
    const refused = await register(t.client({ ip: address }), fresh);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await registrationsOf(fresh)).toHaveLength(0);
  });

  it('refused or failed registrations do not use up the allowance', async () => {
    const eventId = await newEvent('Dubbletter räknas inte');
    const client = t.client({ ip: '203.0.113.30' });
    expect((await register(client, eventId, 'samma@example.org')).status).toBe(201);
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT + 2; i++) {
      const twice = await register(client, eventId, 'Samma@Example.org');
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toBe('Den e-postadressen är redan anmäld till träffen.');
    }
    // The first confirmation is the only mail; the second tries sent nothing.
    expect(await t.outboxFor('samma@example.org')).toHaveLength(1);
    for (let i = 1; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT; i++) expect((await register(client, eventId)).status).toBe(201);
    expect((await register(client, eventId)).status).toBe(429);
  });

  it('behind a trusted proxy (TRUST_PROXY) counts each forwarded client address, not the proxy', async () => {
    const behindProxy = await createTestApp({ config: { trustProxy: ['127.0.0.1'] } });
    try {
      const organiser = await behindProxy.user();
      const space = (await organiser.client.post('/api/spaces', { name: 'Bakom proxy', kind: 'project', visibility: 'public', municipalityCodes: ['2422'] })).body.id;
      const start = new Date(behindProxy.clock.now().getTime() + 10 * day);
      const event = await organiser.client.post(`/api/spaces/${space}/events`, {
        kind: 'seminar',
        title: 'Seminarium',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
        capacity: 100,
      });
      const via = (client: string, i: number) =>
        behindProxy
          .client()
          .post(`/api/events/${event.body.id}/registrations`, { name: `Via ${i}`, email: `via${client}-${i}@example.org` }, { 'x-forwarded-for': client });
      for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT; i++) expect((await via('198.51.100.1', i)).status).toBe(201);
      expect((await via('198.51.100.1', 99)).status).toBe(429);
      expect((await via('198.51.100.2', 0)).status).toBe(201);
    } finally {
      await behindProxy.close();
    }
  });
});
