import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';

/** Wave 2 seams: agreements' parties and shared measures as derived collaborations (issue 11 §2, ADR 0016). */
let t: TestApp;
let lead: Client;
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const leader = await buildSignedInUser(t, { name: 'Processledare' });
  lead = leader.client;
  spaceId = (await buildSpace(t, { name: 'SÖK Samverkan', visibility: 'members', members: [{ user: leader, role: 'facilitator' }] })).id;
});
afterAll(() => t.close());

type Edge = { source: string; target: string; origin: string; derivedFrom?: { kind: string; id: string } | null; description?: string };
async function networkEdges(at?: string): Promise<Edge[]> {
  const answer = await lead.get(`/api/spaces/${spaceId}/network${at ? `?at=${at}` : ''}`);
  expect(answer.status).toBe(200);
  return answer.body.edges as Edge[];
}
const pair = (a: string, b: string) => (e: Edge) => (e.source === a && e.target === b) || (e.source === b && e.target === a);
const day = (offset = 0) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('derived collaborations', () => {
  it('every two parties of an agreement collaborate through it, named as its source, until it has ended', async () => {
    const a = await buildOrganisation(t, { name: 'Region (länk)' });
    const b = await buildOrganisation(t, { name: 'Förening (länk)' });
    const c = await buildOrganisation(t, { name: 'Kommun (länk)' });
    const created = await lead.post(`/api/spaces/${spaceId}/agreements`, { title: 'Överenskommelse om samverkan' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await lead.post(`/api/agreements/${id}/parties`, { organisationId: a.id, role: 'party' })).status).toBe(201);
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([]);
    expect((await lead.post(`/api/agreements/${id}/parties`, { organisationId: b.id, role: 'party' })).status).toBe(201);
    expect((await lead.post(`/api/agreements/${id}/parties`, { organisationId: c.id, role: 'supporting' })).status).toBe(201);

    const edges = await networkEdges();
    for (const [x, y] of [[a, b], [a, c], [b, c]] as const)
      expect(edges.filter(pair(x.id, y.id))).toEqual([expect.objectContaining({ origin: 'derived', derivedFrom: { kind: 'agreement', id }, description: 'Överenskommelse: Överenskommelse om samverkan' })]);

    // Renamed: the source's name follows.
    expect((await lead.patch(`/api/agreements/${id}`, { title: 'Överenskommelse 2.0' })).status).toBe(200);
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([expect.objectContaining({ description: 'Överenskommelse: Överenskommelse 2.0' })]);

    // Ended: today's network still shows it, tomorrow's does not.
    expect((await lead.patch(`/api/agreements/${id}`, { status: 'adoption' })).status).toBe(200);
    expect((await lead.patch(`/api/agreements/${id}`, { status: 'ended' })).status).toBe(200);
    expect((await networkEdges(day())).filter(pair(a.id, b.id))).toHaveLength(1);
    expect((await networkEdges(day(1))).filter(pair(a.id, b.id))).toEqual([]);
  });

  it('the responsible and participating organisations of a measure collaborate through it until it is cancelled', async () => {
    const a = await buildOrganisation(t, { name: 'Ansvarig (länk)' });
    const b = await buildOrganisation(t, { name: 'Deltagare 1 (länk)' });
    const c = await buildOrganisation(t, { name: 'Deltagare 2 (länk)' });
    const plan = await lead.post(`/api/spaces/${spaceId}/action-plans`, { title: 'Plan (länk)' });
    expect(plan.status).toBe(201);
    const measure = await lead.post(`/api/action-plans/${plan.body.id}/measures`, {
      title: 'Mötesplats',
      responsibleOrganisationId: a.id,
      participants: [{ organisationId: b.id, what: 'Lokal', hours: null, moneySek: null, youth: false }],
    });
    expect(measure.status, JSON.stringify(measure.body)).toBe(201);
    const id = measure.body.id as string;
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([expect.objectContaining({ origin: 'derived', derivedFrom: { kind: 'measure', id }, description: 'Åtgärd: Mötesplats' })]);
    expect((await networkEdges()).filter(pair(a.id, c.id))).toEqual([]);

    // A participant added joins; one removed leaves.
    const patched = await lead.patch(`/api/measures/${id}`, { participants: [{ organisationId: c.id, what: 'Fika', hours: 2, moneySek: null, youth: true }] });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const edges = await networkEdges();
    expect(edges.filter(pair(a.id, c.id))).toEqual([expect.objectContaining({ derivedFrom: { kind: 'measure', id } })]);
    expect(edges.filter(pair(a.id, b.id))).toEqual([]);

    expect((await lead.patch(`/api/measures/${id}`, { status: 'cancelled', statusReason: 'Ingen lokal' })).status).toBe(200);
    expect((await networkEdges()).filter(pair(a.id, c.id))).toEqual([]);
  });
});

describe('follows', () => {
  it('an agreement and an action plan (and an initiative) can be followed by those who may see them, and only by them', async () => {
    const stranger = await buildSignedInUser(t, { name: 'Utomstående' });
    const agreement = await lead.post(`/api/spaces/${spaceId}/agreements`, { title: 'Följd överenskommelse' });
    const plan = await lead.post(`/api/spaces/${spaceId}/action-plans`, { title: 'Följd plan' });
    expect([agreement.status, plan.status]).toEqual([201, 201]);

    for (const [kind, id, label] of [
      ['agreement', agreement.body.id, 'Följd överenskommelse'],
      ['action_plan', plan.body.id, 'Följd plan'],
    ] as const) {
      const followed = await lead.post('/api/follows', { kind, id });
      expect(followed.status, JSON.stringify(followed.body)).toBe(201);
      expect(followed.body.follow).toMatchObject({ kind, targetId: id, label, confirmed: true });
      // The space is members-only: an outsider may not see it, so may not follow it.
      expect((await stranger.client.post('/api/follows', { kind, id })).status).toBe(404);
      expect((await lead.post('/api/follows', { kind, id: crypto.randomUUID() })).status).toBe(404);
    }
    // An initiative is a followable kind too; one that does not exist is not found (not a 400 for the kind).
    expect((await lead.post('/api/follows', { kind: 'initiative', id: crypto.randomUUID() })).status).toBe(404);
    expect(((await lead.get('/api/me/follows')).body as { kind: string }[]).map((f) => f.kind).sort()).toEqual(['action_plan', 'agreement']);
  });
});
