import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';
import { buildMembership, buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let outsider: { client: Client; id: string };
const ARJEPLOG = '2506'; // Norrbottens län (25)

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t, { name: 'Processledare' });
  outsider = await buildSignedInUser(t, { name: 'Utomstående' });
});
afterAll(() => t.close());

describe('the 169 targets', () => {
  it('lists every target by its official numbering with a Swedish and an English label', async () => {
    const answer = await t.client().get('/api/agenda2030/targets');
    expect(answer.status).toBe(200);
    const csv = readFileSync(fileURLToPath(new URL('../../../../../data/agenda2030/targets.csv', import.meta.url)), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(answer.body).toHaveLength(169);
    expect(answer.body.map((r: { goal: number; target: string }) => [String(r.goal), r.target])).toEqual(csv);
    for (const row of answer.body) {
      expect(row.labelSv.length).toBeGreaterThan(3);
      expect(row.labelEn.length).toBeGreaterThan(3);
    }
    expect(answer.body.find((r: { target: string }) => r.target === '11.a')).toMatchObject({ goal: 11 });
  });
});

describe('goals and targets on spaces, events and inputs', () => {
  it('are accepted, stored in order without repeats and answered; unknown targets are refused per field', async () => {
    const created = await lead.client.post('/api/spaces', { name: 'Agenda 2030 i Arjeplog', kind: 'alliance', visibility: 'public', municipalityCodes: [ARJEPLOG], goals: [11, 3, 11], targets: ['11.a', '3.4', '11.2'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ goals: [3, 11], targets: ['3.4', '11.2', '11.a'] });
    const patched = await lead.client.patch(`/api/spaces/${created.body.id}`, { targets: ['17.17'] });
    expect(patched.body).toMatchObject({ goals: [3, 11], targets: ['17.17'] });
    const bad = await lead.client.patch(`/api/spaces/${created.body.id}`, { targets: ['11.z'], goals: [18] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ 'targets.0': expect.stringContaining('delmål'), 'goals.0': expect.any(String) });

    const event = await lead.client.post(`/api/spaces/${created.body.id}/events`, {
      kind: 'knowledge_dialogue', title: 'Kunskapsdialog om service', startsAt: '2030-05-01T16:00:00Z', endsAt: '2030-05-01T18:00:00Z', goals: [11], targets: ['11.a', '9.c'],
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    expect(event.body).toMatchObject({ goals: [11], targets: ['9.c', '11.a'] });
    expect((await lead.client.patch(`/api/events/${event.body.id}`, { goals: [3] })).body).toMatchObject({ goals: [3], targets: ['9.c', '11.a'] });

    const input = await t.client().post(`/api/spaces/${created.body.id}/inputs`, { text: 'Vi saknar ett ombud för apoteksvaror', kind: 'need', goals: [3], targets: ['3.8'] });
    expect(input.status, JSON.stringify(input.body)).toBe(201);
    expect(input.body).toMatchObject({ goals: [3], targets: ['3.8'] });
    expect((await lead.client.patch(`/api/inputs/${input.body.id}`, { targets: ['3.8', '11.2'] })).body).toMatchObject({ targets: ['3.8', '11.2'] });
  });
});

describe('local targets and coverage', () => {
  it('counts exactly what was tagged, per space, municipality and county, and members-only spaces stay hidden from others', async () => {
    const space = await buildSpace(t, { municipalityCodes: [ARJEPLOG], members: [{ user: lead, role: 'space_admin' }] });
    const hidden = await buildSpace(t, { visibility: 'members', municipalityCodes: [ARJEPLOG], members: [{ user: lead, role: 'space_admin' }] });
    const member = await buildSignedInUser(t);
    await buildMembership(t, space.id, member, 'member');

    // Local targets: leaders set them; members may not; others on a members-only space find nothing.
    const local = await lead.client.post(`/api/spaces/${space.id}/local-targets`, {
      title: 'Alla byar inom 20 minuter från dagligvaror', targets: ['11.a', '9.1'], municipalityCode: ARJEPLOG,
      indicator: { name: 'Andel invånare inom 20 min', unit: '%', baseline: 82, target: 95, values: [{ date: '2026-01-01', value: 84 }] },
    });
    expect(local.status, JSON.stringify(local.body)).toBe(201);
    expect(local.body).toMatchObject({ targets: ['9.1', '11.a'], goals: [9, 11], indicator: { baseline: 82, target: 95 } });
    expect((await member.client.post(`/api/spaces/${space.id}/local-targets`, { title: 'Nej', targets: ['1.1'] })).status).toBe(403);
    expect((await lead.client.post(`/api/spaces/${space.id}/local-targets`, { title: 'Inget mål', targets: [] })).status).toBe(400);
    expect((await outsider.client.get(`/api/spaces/${hidden.id}/local-targets`)).status).toBe(404);
    expect((await t.client().get(`/api/spaces/${space.id}/local-targets`)).body).toHaveLength(1);

    // Two events (one held, one planned), one untagged, one cancelled; an input; a library item.
    const event = (body: object) => lead.client.post(`/api/spaces/${space.id}/events`, { kind: 'village_forum', title: 'Byamöte', startsAt: '2030-05-01T16:00:00Z', endsAt: '2030-05-01T18:00:00Z', ...body });
    const held = await event({ title: 'Byamöte om service', startsAt: '2025-05-01T16:00:00Z', endsAt: '2025-05-01T18:00:00Z', targets: ['11.a'] });
    const planned = await event({ title: 'Temamöte hälsa', startsAt: '2030-09-01T16:00:00Z', endsAt: '2030-09-01T18:00:00Z', goals: [3] });
    await event({ title: 'Otaggat möte', startsAt: '2030-09-02T16:00:00Z', endsAt: '2030-09-02T18:00:00Z' });
    const cancelled = await event({ title: 'Inställt', startsAt: '2030-09-03T16:00:00Z', endsAt: '2030-09-03T18:00:00Z', goals: [3] });
    await lead.client.post(`/api/events/${cancelled.body.id}/cancel`, { reason: 'Snöstorm' });
    await t.client().post(`/api/spaces/${space.id}/inputs`, { text: 'Bussen till Arjeplog går för sällan', kind: 'need', theme: 'transport', targets: ['11.2'] });
    await lead.client.post('/api/library', { spaceId: space.id, visibility: 'public', kind: 'method', title: 'Bymöte steg för steg', targets: ['11.a'] });
    await lead.client.post('/api/library', { spaceId: hidden.id, visibility: 'members', kind: 'report', title: 'Intern rapport', goals: [11] });
    await lead.client.post(`/api/spaces/${hidden.id}/events`, { kind: 'workshop', title: 'Intern verkstad', startsAt: '2030-05-02T16:00:00Z', endsAt: '2030-05-02T18:00:00Z', goals: [11] });

    // A measure (with its status) in an action plan, one in the members-only space, and a joint initiative.
    const measureIn = async (spaceId: string, body: object) => {
      const plan = await lead.client.post(`/api/spaces/${spaceId}/action-plans`, { title: 'Handlingsplan' });
      expect(plan.status, JSON.stringify(plan.body)).toBe(201);
      const m = await lead.client.post(`/api/action-plans/${plan.body.id}/measures`, { title: 'Servicepunkt i byn', ...body });
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      return m.body as { id: string; status: string };
    };
    const measure = await measureIn(space.id, { targets: ['11.a'] });
    await measureIn(hidden.id, { title: 'Intern åtgärd', goals: [11] });
    const org = await buildOrganisation(t, { name: 'Byalaget', spaceId: space.id });
    const orgRep = await buildSignedInUser(t);
    await t.deps.db.insertInto('organisation_representatives').values({ organisation_id: org.id, user_id: orgRep.id, role: 'Ordförande', status: 'confirmed', requested_at: t.clock.now(), confirmed_at: t.clock.now(), confirmed_by: null }).execute();
    const alliance = await lead.client.post(`/api/spaces/${space.id}/alliances`, { name: 'Byallians', purpose: 'Service i byarna' });
    expect(alliance.status, JSON.stringify(alliance.body)).toBe(201);
    await lead.client.post(`/api/alliances/${alliance.body.id}/members`, { organisationId: org.id });
    await orgRep.client.post(`/api/alliances/${alliance.body.id}/members`, { organisationId: org.id });
    const initiative = await orgRep.client.post(`/api/alliances/${alliance.body.id}/initiatives`, { title: 'Samåkning till Arjeplog', leadOrganisationId: org.id, targets: ['11.2'] });
    expect(initiative.status, JSON.stringify(initiative.body)).toBe(201);

    const coverage = await t.client().get(`/api/spaces/${space.id}/agenda2030/coverage`);
    expect(coverage.status).toBe(200);
    const goal = (c: typeof coverage.body, n: number) => c.goals.find((g: { goal: number }) => g.goal === n);
    const target = (c: typeof coverage.body, code: string) => goal(c, Number(code.split('.')[0])).targets.find((x: { target: string }) => x.target === code);
    expect(coverage.body.goals).toHaveLength(17);
    expect(goal(coverage.body, 11)).toMatchObject({ total: 6, counts: { event: 1, input: 1, local_target: 1, library_item: 1, measure: 1, initiative: 1 } });
    expect(target(coverage.body, '11.a')).toMatchObject({ total: 4, counts: { event: 1, local_target: 1, library_item: 1, measure: 1 } });
    expect(target(coverage.body, '11.2')).toMatchObject({ total: 2, counts: { input: 1, initiative: 1 } });
    expect(coverage.body.entries.find((e: { kind: string }) => e.kind === 'measure')).toMatchObject({ id: measure.id, status: measure.status });
    expect(coverage.body.entries.find((e: { kind: string }) => e.kind === 'initiative')).toMatchObject({ id: initiative.body.id, status: initiative.body.status, goals: [11] });
    expect(goal(coverage.body, 3)).toMatchObject({ total: 1, counts: { event: 1 } });
    expect(goal(coverage.body, 9)).toMatchObject({ total: 1, counts: { local_target: 1 } });
    expect(goal(coverage.body, 1)).toMatchObject({ total: 0, counts: {} });
    const events = coverage.body.entries.filter((e: { kind: string }) => e.kind === 'event');
    expect(events.map((e: { id: string; status: string }) => [e.id, e.status]).sort()).toEqual([[held.body.id, 'held'], [planned.body.id, 'planned']].sort());

    // Municipality and county: the public space's things for everyone; the members-only space's only for its members.
    const forOutsider = await outsider.client.get(`/api/municipalities/${ARJEPLOG}/agenda2030/coverage`);
    const forLead = await lead.client.get(`/api/municipalities/${ARJEPLOG}/agenda2030/coverage`);
    const mine = (c: typeof coverage.body) => c.entries.filter((e: { spaceId: string }) => e.spaceId === space.id || e.spaceId === hidden.id);
    expect(mine(forOutsider.body)).toHaveLength(7);
    expect(mine(forLead.body)).toHaveLength(10);
    expect(forOutsider.body.entries.some((e: { title: string }) => e.title.startsWith('Intern'))).toBe(false);
    const county = await lead.client.get('/api/counties/25/agenda2030/coverage');
    expect(county.body.scope).toMatchObject({ kind: 'county', id: '25' });
    expect(mine(county.body)).toHaveLength(10);
    expect((await t.client().get(`/api/spaces/${hidden.id}/agenda2030/coverage`)).status).toBe(404);
    expect((await t.client().get('/api/counties/99/agenda2030/coverage')).status).toBe(404);

    const csv = await t.client().get(`/api/spaces/${space.id}/agenda2030/coverage.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('level,code,label_sv,event,input,local_target,library_item,measure,initiative,model,total');
    expect(lines).toHaveLength(1 + 17 + 169);
    expect(lines.find((l) => l.startsWith('goal,11,'))).toBe('goal,11,,1,1,1,1,1,1,0,6');
  });
});
