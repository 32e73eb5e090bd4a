import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { listServicePointsForAnalysis } from './service-point/service-point.service.ts';

let t: TestApp;
let lead: { client: Client; id: string; email: string };
let other: { client: Client; id: string; email: string };
let spaceId: string;
let privateSpaceId: string;

const shop = {
  externalId: 'butik-1',
  name: 'Handlar’n i Särna',
  lon: 13.1393,
  lat: 61.6925,
  address: 'Särnavägen 12, Särna',
  municipalityCode: '2039',
  kinds: ['groceries_full', 'post_agent', 'pharmacy_agent', 'cash_withdrawal'],
  staffed: true,
  openingHours: 'Mo-Fr 09:00-19:00; Sa 10:00-16:00; Su 12:00-16:00',
  sources: { openingHours: 'Butikens skylt, 2026-11', kinds: 'Samtal med butiksägaren' },
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare Service' });
  other = await t.user({ name: 'Butiksägare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i samverkan – test', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039'] })).body.id;
  privateSpaceId = (await lead.client.post('/api/spaces', { name: 'Intern serviceplanering', kind: 'municipal', visibility: 'members', municipalityCodes: ['2085'] })).body.id;
});
afterAll(() => t.close());

describe('service points', () => {
  it('creates a point, shows it publicly with opening hours in a week, edits it with history', async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/service-points`, shop);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ externalId: 'butik-1', engineTypes: ['groceries', 'pharmacy', 'post', 'payment'], municipalityName: 'Älvdalen', status: 'open' });
    expect(created.body.openingWeek).toHaveLength(7);
    const saturday = created.body.openingWeek.find((d: { weekday: number }) => d.weekday === 6);
    expect(saturday.intervals).toEqual([{ from: '10:00', to: '16:00' }]);
    expect(created.body.allowedActions).toContain('update');

    const anonymous = t.client();
    const list = await anonymous.get(`/api/spaces/${spaceId}/service-points`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['Handlar’n i Särna']);
    expect(list.body.allowedActions).not.toContain('create');

    const edited = await lead.client.patch(`/api/service-points/${created.body.id}`, { status: 'at_risk', statusDate: '2026-11-20', sources: { status: 'Kommunens dialog med ägaren' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.sources).toMatchObject({ openingHours: 'Butikens skylt, 2026-11', status: 'Kommunens dialog med ägaren' });
    const history = await lead.client.get(`/api/service-points/${created.body.id}/history`);
    expect(history.body.map((c: { kind: string }) => c.kind)).toEqual(['updated', 'created']);
    expect(history.body[0].changes.status).toEqual({ from: 'open', to: 'at_risk' });
    expect(history.body[0].actorName).toBe('Processledare Service');
    const publicHistory = await anonymous.get(`/api/service-points/${created.body.id}/history`);
    expect(publicHistory.body[0].actorName).toBeNull();
  });

  it('refuses bad input with every problem in Swedish and changes nothing', async () => {
    const bad = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { ...shop, externalId: 'butik-2', lon: 200, kinds: [], openingHours: 'Mo-Fr 25:00-30:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ lon: 'Longituden ska ligga mellan −180 och 180.', kinds: 'Välj minst en tjänst.' });
    const hours = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { ...shop, externalId: 'butik-2', openingHours: 'Mo-Fr 25:00-30:00' });
    expect(hours.status).toBe(400);
    expect(hours.body.error.fields.openingHours).toMatch(/^Öppettiderna kan inte läsas som OSM-öppettider/);
    const closed = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { ...shop, externalId: 'butik-2', status: 'closed' });
    expect(closed.body.error.fields.statusDate).toBe('Ange vilket datum servicepunkten stängde.');
    const taken = await lead.client.post(`/api/spaces/${spaceId}/service-points`, shop);
    expect(taken.status).toBe(409);
    const list = await lead.client.get(`/api/spaces/${spaceId}/service-points`);
    expect(list.body.total).toBe(1);
  });

  it('keeps others out: members-only spaces answer 404, only leaders edit', async () => {
    const hidden = await lead.client.post(`/api/spaces/${privateSpaceId}/service-points`, { ...shop, name: 'Dold butik' });
    expect(hidden.status).toBe(201);
    expect((await t.client().get(`/api/spaces/${privateSpaceId}/service-points`)).status).toBe(404);
    expect((await other.client.get(`/api/service-points/${hidden.body.id}`)).status).toBe(404);
    expect((await other.client.patch(`/api/service-points/${hidden.body.id}`, { name: 'X' })).status).toBe(404);
    const list = await lead.client.get(`/api/spaces/${spaceId}/service-points`);
    const pointId = list.body.items[0].id;
    expect((await other.client.patch(`/api/service-points/${pointId}`, { name: 'Kapat' })).status).toBe(403);
    expect((await other.client.post(`/api/spaces/${spaceId}/service-points`, { ...shop, externalId: 'x' })).status).toBe(403);
  });

  it("takes the engine's points-file shape too: id and type", async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { id: 'n2050272761', type: 'fuel', lon: 13.15, lat: 61.7, name: 'Macken vid bron' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ externalId: 'n2050272761', kinds: ['fuel'], engineTypes: ['fuel'] });
    const both = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { id: 'kiosk-9', type: 'payment', kinds: ['groceries_partial'], lon: 13.15, lat: 61.7, name: 'Kiosken' });
    expect(both.body.kinds).toEqual(['groceries_partial', 'cash_withdrawal']);
    const bad = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { id: 'x-1', type: 'bakery', lon: 13.15, lat: 61.7, name: 'Bageri' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain('type');
    for (const id of [created.body.id, both.body.id]) await t.deps.db.deleteFrom('service_points').where('id', '=', id).execute();
  });

  it('gives the analyses the points open at a date, by engine type and external id', async () => {
    await lead.client.post(`/api/spaces/${spaceId}/service-points`, { externalId: 'mack-1', name: 'Särna bensin', lon: 13.14, lat: 61.69, kinds: ['fuel', 'ev_charging'], status: 'closed', statusDate: '2026-06-30' });
    await lead.client.post(`/api/spaces/${spaceId}/service-points`, { externalId: 'bibl-1', name: 'Särna bibliotek', lon: 13.13, lat: 61.69, kinds: ['library'] });
    const now = await listServicePointsForAnalysis(t.deps.db, spaceId, new Date('2026-12-01T12:00:00Z'));
    expect(now.map((p) => [p.externalId, p.types])).toEqual([['butik-1', ['groceries', 'pharmacy', 'post', 'payment']]]);
    const library = (await lead.client.get(`/api/spaces/${spaceId}/service-points?q=bibl-1`)).body.items[0];
    expect(library.municipalityCode).toBe('2039');
    const before = await listServicePointsForAnalysis(t.deps.db, spaceId, new Date('2026-06-01T12:00:00Z'));
    expect(before.map((p) => [p.externalId, p.types])).toEqual([
      ['butik-1', ['groceries', 'pharmacy', 'post', 'payment']],
      ['mack-1', ['fuel']],
    ]);
  });
});

describe('suggested changes', () => {
  let pointId: string;
  beforeAll(async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/service-points`, {
      externalId: 'idre-1',
      name: 'Idre Livs',
      lon: 12.7206,
      lat: 61.8598,
      kinds: ['groceries_partial'],
      openingHours: 'Mo-Sa 09:00-18:00',
    });
    pointId = created.body.id;
  });

  it('a rejected suggestion leaves the point unchanged; history keeps the suggestion and the rejection', async () => {
    const before = (await lead.client.get(`/api/service-points/${pointId}`)).body;
    const proposed = await other.client.post(`/api/service-points/${pointId}/suggestions`, { changes: { openingHours: 'Mo-Su 08:00-22:00', staffed: false }, comment: 'Vi har utökat öppettiderna' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'pending', mine: true, allowedActions: [] });
    expect((await lead.client.get(`/api/service-points/${pointId}`)).body.pendingSuggestions).toBe(1);
    // The proposer may not decide; outsiders do not see it.
    expect((await other.client.post(`/api/service-point-suggestions/${proposed.body.id}/decision`, { decision: 'accept' })).status).toBe(403);
    const pending = await lead.client.get(`/api/spaces/${spaceId}/service-point-suggestions?status=pending`);
    expect(pending.body.map((s: { id: string }) => s.id)).toEqual([proposed.body.id]);
    expect(pending.body[0].proposedByName).toBe('Butiksägare');

    const rejected = await lead.client.post(`/api/service-point-suggestions/${proposed.body.id}/decision`, { decision: 'reject', note: 'Stämmer inte med skylten' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const after = (await lead.client.get(`/api/service-points/${pointId}`)).body;
    const { pendingSuggestions: _p1, allowedActions: _a1, openNow: _o1, ...beforeFields } = before;
    const { pendingSuggestions: _p2, allowedActions: _a2, openNow: _o2, ...afterFields } = after;
    expect(afterFields).toEqual(beforeFields);
    const history = (await lead.client.get(`/api/service-points/${pointId}/history`)).body;
    expect(history.map((c: { kind: string }) => c.kind)).toEqual(['suggestion_rejected', 'suggested', 'created']);
    expect(history[1].changes.openingHours).toEqual({ from: 'Mo-Sa 09:00-18:00', to: 'Mo-Su 08:00-22:00' });
    expect(history[0].note).toBe('Stämmer inte med skylten');
    // The leader was told of the suggestion, the proposer of the decision.
    const toLead = await t.outboxFor(lead.email);
    expect(toLead[0]).toMatchObject({ subject: 'Ändringsförslag: Idre Livs' });
    expect(toLead[0]!.text).toContain(`/service-points/${pointId}#suggestions`);
    const toProposer = await t.outboxFor(other.email);
    expect(toProposer[0]!.subject).toBe('Ditt förslag är avslaget: Idre Livs');
    expect(toProposer[0]!.text).toContain('Motivering: Stämmer inte med skylten');
    // Decided once is decided.
    expect((await lead.client.post(`/api/service-point-suggestions/${proposed.body.id}/decision`, { decision: 'accept' })).status).toBe(409);
  });

  it('an accepted suggestion is applied and recorded', async () => {
    const proposed = await other.client.post(`/api/service-points/${pointId}/suggestions`, { changes: { kinds: ['groceries_partial', 'parcel_pickup'], sources: { kinds: 'Butiksägaren' } } });
    const accepted = await lead.client.post(`/api/service-point-suggestions/${proposed.body.id}/decision`, { decision: 'accept' });
    expect(accepted.body.status).toBe('accepted');
    const point = (await lead.client.get(`/api/service-points/${pointId}`)).body;
    expect(point).toMatchObject({ kinds: ['groceries_partial', 'parcel_pickup'], engineTypes: ['groceries', 'post'], pendingSuggestions: 0 });
    expect(point.sources.kinds).toBe('Butiksägaren');
    const history = (await lead.client.get(`/api/service-points/${pointId}/history`)).body;
    expect(history[0]).toMatchObject({ kind: 'suggestion_accepted', suggestionId: proposed.body.id, actorName: 'Processledare Service' });
    expect(history[0].changes.kinds).toEqual({ from: ['groceries_partial'], to: ['groceries_partial', 'parcel_pickup'] });
  });

  it('refuses suggestions that change nothing or do not read, and hides others’ suggestions', async () => {
    const empty = await other.client.post(`/api/service-points/${pointId}/suggestions`, { changes: { name: 'Idre Livs' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Förslaget ändrar ingenting.');
    const bad = await other.client.post(`/api/service-points/${pointId}/suggestions`, { changes: { openingHours: 'ibland' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.openingHours).toMatch(/^Öppettiderna kan inte läsas/);
    const third = await t.user({ name: 'Tredje' });
    expect((await third.client.get(`/api/service-points/${pointId}/suggestions`)).body).toEqual([]);
    expect((await other.client.get(`/api/service-points/${pointId}/suggestions`)).body).toHaveLength(2);
    expect((await t.client().post(`/api/service-points/${pointId}/suggestions`, { changes: { name: 'X' } })).status).toBe(401);
  });
});
