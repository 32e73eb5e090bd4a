import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type Client, type TestApp } from '../test/app.ts';
import { allRoutes } from './routes.ts';

/**
 * Issue 14 §1.2: a filter by space must apply the space's policy. Every route whose query takes
 * a `space` is walked here (a new one is picked up by itself): a members-only space does not
 * exist for the public or for outsiders (404), and nothing of it is in the answer; its members
 * get 200, so the test cannot pass by refusing everything.
 */
let t: TestApp;
let leader: { client: Client; id: string };
let outsider: { client: Client; id: string };
let spaceId: string;
const SECRET = 'Hemliga byaföreningen';
const SECRET_MAIL = 'hemlig@example.org';

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.user({ name: 'Ledare' });
  outsider = await t.user({ name: 'Utomstående' });
  spaceId = (await leader.client.post('/api/spaces', { name: 'Slutet rum', kind: 'project', visibility: 'members' })).body.id;
  const a = (await leader.client.post('/api/organisations', { name: SECRET, sector: 'civil_society', type: 'association', level: 'local', contactEmail: SECRET_MAIL, contactPhone: '070-123 45 67' })).body.id;
  const b = (await leader.client.post('/api/organisations', { name: 'Annan förening', sector: 'civil_society', type: 'association', level: 'local' })).body.id;
  for (const id of [a, b]) expect((await leader.client.post(`/api/spaces/${spaceId}/organisations`, { organisationId: id })).status).toBe(201);
  const [orgA, orgB] = a < b ? [a, b] : [b, a];
  await t.deps.db.insertInto('collaborations').values({ org_a: orgA, org_b: orgB, type: 'partnership', source: 'manual', created_by: leader.id, survey_id: null, level: null, start_date: null, end_date: null, frequency: null }).execute();
  expect((await leader.client.post('/api/people', { name: 'Hemlig Person', spaceId, consent: { purpose: 'Test', textVersion: '1', method: 'form' } })).status).toBe(201);
});
afterAll(() => t.close());

/** Routes whose query schema has a `space` key. */
function spaceFilteredRoutes() {
  return allRoutes(t.deps).filter((route) => route.method === 'GET' && route.query instanceof z.ZodObject && 'space' in route.query.shape);
}

describe('filters by space', () => {
  it('finds the routes that filter by space', () => {
    const found = spaceFilteredRoutes().map((r) => `${r.method} ${r.url}`).sort();
    expect(found).toEqual(expect.arrayContaining(['GET /api/collaborations', 'GET /api/organisations', 'GET /api/people']));
    for (const url of found) expect(url, 'a space-filtered route with path parameters needs a fixture here').not.toContain(':');
  });

  it('answers 404 for a members-only space to the public and outsiders, and nothing of it leaks', async () => {
    const routes = spaceFilteredRoutes();
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const url = `${route.url}?space=${spaceId}`;
      const anonymous = await t.client().get(url);
      expect(anonymous.status, `anonymous ${url}`).toBe(route.access === 'public' ? 404 : 401);
      const stranger = await outsider.client.get(url);
      expect(stranger.status, `outsider ${url}`).toBe(404);
      for (const answer of [anonymous, stranger]) {
        const text = JSON.stringify(answer.body);
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(SECRET_MAIL);
      }
      // The same as an unknown space: nothing tells the two apart.
      const unknown = await outsider.client.get(`${route.url}?space=00000000-0000-4000-8000-000000000000`);
      expect(unknown.status, `unknown space ${url}`).toBe(404);
      expect(unknown.body.error.code).toBe(stranger.body.error.code);
      const member = await leader.client.get(url);
      expect(member.status, `leader ${url}`).toBe(200);
    }
  });
});
