import { dashboardEndpoints, endpoints, type LocalityDashboard } from '@samhandling/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildSignedInUser, buildSpace } from '../../test/factories.ts';
import { buildHeldEvent, buildInputs } from '../../test/process-factories.ts';

/** A village's dashboard (issue 12 §3): what the data says about one locality, over the spaces the caller sees. */
let t: TestApp;
let lead: Client;
let villageId: string;
let hiddenSpaceId: string;

// The village's point, and places about 1 km, 5 km, 10 km and 20 km north of it (1° latitude ≈ 111 km).
const LON = 16.2;
const LAT = 65.97;
const north = (km: number) => LAT + km / 111.2;

const figure = (d: LocalityDashboard, key: string) => d.figures.find((f) => f.key === key);
const breakdown = (d: LocalityDashboard, key: string, dimension: string) =>
  Object.fromEntries(
    figure(d, key)!
      .breakdowns.find((b) => b.dimension === dimension)!
      .items.map((i) => [i.key, i.value]),
  );

async function inputsAt(space: string, items: { tagged?: boolean; km?: number; hidden?: boolean; status?: 'done' }[]) {
  const ids = await buildInputs(
    t,
    space,
    '2422',
    items.map((i) => ({ hidden: i.hidden ?? false, ...(i.status ? { status: i.status, answeredAfterDays: 3 } : {}) })),
  );
  for (const [n, item] of items.entries())
    await t.deps.db
      .updateTable('inputs')
      .set({
        locality_id: item.tagged ? villageId : null,
        lon: item.km === undefined ? null : LON,
        lat: item.km === undefined ? null : north(item.km),
      })
      .where('id', '=', ids[n]!)
      .execute();
}

async function eventAt(space: string, km: number, daysAgo = 3) {
  const { id } = await buildHeldEvent(t, space, '2422', { kind: 'village_forum', daysAgo });
  await t.deps.db
    .updateTable('events')
    .set({ lon: LON, lat: north(km) })
    .where('id', '=', id)
    .execute();
}

async function point(space: string, name: string, kinds: string[], km: number, status: 'open' | 'closed' = 'open') {
  const now = t.clock.now();
  await t.deps.db
    .insertInto('service_points')
    .values({
      space_id: space,
      external_id: randomUUID(),
      name,
      lon: LON,
      lat: north(km),
      municipality_code: '2422',
      kinds,
      status,
      operator_organisation_id: null,
      staffed: null,
      opening_hours: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const leader = await buildSignedInUser(t);
  lead = leader.client;
  const spaceId = (await buildSpace(t, { municipalityCodes: ['2422'], members: [{ user: leader, role: 'facilitator' }] })).id;
  hiddenSpaceId = (
    await buildSpace(t, { visibility: 'members', municipalityCodes: ['2422'], members: [{ user: leader, role: 'space_admin' }] })
  ).id;
  const now = t.clock.now();
  villageId = (
    await t.deps.db
      .insertInto('localities')
      .values({
        name: `Testby ${randomUUID().slice(0, 6)}`,
        municipality_code: '2422',
        lon: LON,
        lat: LAT,
        population: 140,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  // Inputs: two tagged (one answered), one untagged 1 km away; not: one 10 km away, one tagged but hidden.
  await inputsAt(spaceId, [{ tagged: true }, { tagged: true, status: 'done' }, { km: 1 }, { km: 10 }, { tagged: true, hidden: true }]);
  // The members-only space's tagged input: only its members count it.
  await inputsAt(hiddenSpaceId, [{ tagged: true }]);
  // Events held 1 km away (one) and 10 km away (not), and one 1 km away still to come (not).
  await eventAt(spaceId, 1);
  await eventAt(spaceId, 10);
  await eventAt(spaceId, 1, -5);
  // A measure that names the village, one that does not.
  const plan = (await lead.call(endpoints.createActionPlan, { params: { id: spaceId }, body: { title: 'Lokal handlingsplan' } })).body;
  expect(
    (await lead.call(endpoints.createMeasure, { params: { id: plan.id }, body: { title: 'Träffpunkt i byn', localityId: villageId } }))
      .status,
  ).toBe(201);
  expect(
    (await lead.call(endpoints.createMeasure, { params: { id: plan.id }, body: { title: 'Något annat', municipalityCode: '2422' } }))
      .status,
  ).toBe(201);
  // Service points: the closed shop next door does not count; the nearest open groceries is 5 km away.
  await point(spaceId, 'Stängda lanthandeln', ['groceries'], 1, 'closed');
  await point(spaceId, 'Byns lanthandel', ['groceries', 'post'], 5);
  await point(spaceId, 'Macken', ['fuel'], 10);
  await point(spaceId, 'Ica i centralorten', ['groceries', 'pharmacy_agent'], 20);
  await point(hiddenSpaceId, 'Intern servicepunkt', ['fuel'], 2);
});
afterAll(() => t.close());

describe('village dashboard', () => {
  it('counts the inputs tagged to the village or placed near it, events held there and measures naming it', async () => {
    const answer = await t.client().call(dashboardEndpoints.getLocalityDashboard, { params: { id: villageId } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const d = answer.body;
    expect(d.locality).toMatchObject({ id: villageId, municipalityCode: '2422', municipalityName: 'Sorsele', population: 140 });
    expect(d.radiusKm).toBe(3);
    expect(figure(d, 'inputs')!.value).toBe(3);
    expect(breakdown(d, 'inputs', 'match')).toEqual({ tagged: 2, nearby: 1 });
    expect(breakdown(d, 'inputs', 'status')).toMatchObject({ received: 2, done: 1 });
    expect(figure(d, 'events_held')).toMatchObject({ value: 1 });
    expect(figure(d, 'measures')!.value).toBe(1);
    expect(figure(d, 'measures')!.link).toMatch(/\/action-plans$/);
  });

  it('lists the nearest open service point of each kind, and what the data cannot tell', async () => {
    const d = (await t.client().call(dashboardEndpoints.getLocalityDashboard, { params: { id: villageId } })).body;
    expect(d.nearest.map((n) => [n.kind, n.name, n.distanceKm])).toEqual([
      ['groceries', 'Byns lanthandel', 5],
      ['post', 'Byns lanthandel', 5],
      ['fuel', 'Macken', 10],
      ['pharmacy_agent', 'Ica i centralorten', 20],
    ]);
    // No analysis of localities covers it, and initiatives name no village: both marked unknown, not zero.
    expect(figure(d, 'people_beyond_30_min_groceries')).toBeUndefined();
    expect(d.unknown).toEqual(expect.arrayContaining(['initiatives', 'people_beyond_30_min_groceries']));
  });

  it('shows a members-only space’s data to its members only, and answers 404 for no such village', async () => {
    const member = (await lead.call(dashboardEndpoints.getLocalityDashboard, { params: { id: villageId } })).body;
    expect(figure(member, 'inputs')!.value).toBe(4);
    expect(member.nearest.find((n) => n.kind === 'fuel')).toMatchObject({ name: 'Intern servicepunkt', distanceKm: 2 });
    const outsider = await buildSignedInUser(t);
    expect(
      figure((await outsider.client.call(dashboardEndpoints.getLocalityDashboard, { params: { id: villageId } })).body, 'inputs')!.value,
    ).toBe(3);
    expect((await t.client().call(dashboardEndpoints.getLocalityDashboard, { params: { id: randomUUID() } })).status).toBe(404);
    expect(hiddenSpaceId).toBeTruthy();
  });
});
