import { dashboardEndpoints, endpoints, feedbackEndpoints, processEndpoints } from '@samhandling/contracts';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { DEMO_SPACES, seedDemo } from './seed.ts';

/**
 * What the demo shows, capability by capability: one seeded demo for all of them (seeding it takes
 * seconds, once per file), so each capability's check is a describe block here. The tests read the
 * demo; those that write (a board post, a download) touch only what they made.
 */
let t: TestApp;
let dataDir: string;
let service: string;
beforeAll(async () => {
  // The demo stores files (library material, event and initiative documents) under DATA_DIR/uploads.
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-demo-'));
  t = await createTestApp({ config: { dataDir } });
  expect((await seedDemo(t.deps, { password: 'demo-password-123' })).seeded).toBe(true);
  const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
  service = spaces.find((s) => s.name === 'Service i samverkan')!.id;
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const spaceId = async (name: string) => (await t.deps.db.selectFrom('spaces').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

// --- Agenda 2030 and the knowledge library

describe('demo Agenda 2030 and knowledge library', () => {
  it('has library items to find, local targets and a coverage view with something under the goals', async () => {
    const found = await t.client().get('/api/library?q=servicepunkt');
    expect(found.body.items.map((i: { title: string }) => i.title)).toContain('Servicepunkten i byns lanthandel');
    const all = await t.client().get('/api/library');
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    expect(all.body.items.some((i: { title: string }) => i.title.includes('internt utkast'))).toBe(false);
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string; goals: number[] }[];
    const sis = spaces.find((s) => s.name === 'Service i samverkan')!;
    expect(sis.goals).toEqual([9, 11]);
    expect((await t.client().get(`/api/spaces/${sis.id}/local-targets`)).body).toHaveLength(1);
    const coverage = (await t.client().get(`/api/spaces/${sis.id}/agenda2030/coverage`)).body;
    expect(coverage.goals.find((g: { goal: number }) => g.goal === 11).total).toBeGreaterThan(2);
    const county = (await t.client().get('/api/counties/25/agenda2030/coverage')).body;
    expect(county.entries.length).toBeGreaterThan(3);
  });
});

// --- agreements

describe('demo agreement', () => {
  it("seeds SÖK's agreement: Samforma's board and the County Administrative Board adopted, Region Norrbotten pending", async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { items?: { id: string; name: string }[] } | { id: string; name: string }[];
    const list = Array.isArray(spaces) ? spaces : (spaces.items ?? []);
    const sok = list.find((s) => s.name === 'SÖK Samverkan Norrbotten')!;
    const agreements = (await t.client().get(`/api/spaces/${sok.id}/agreements`)).body;
    expect(agreements).toHaveLength(1);
    expect(agreements[0]).toMatchObject({ status: 'adoption', partiesAdopted: 2, partiesRequired: 3, currentVersion: 2 });
    const coordinator = await t.signIn('region@example.org', 'demo-password-123');
    const agreement = (await coordinator.get(`/api/agreements/${agreements[0].id}`)).body;
    expect(agreement.parties.map((p: { organisationName: string; state: string }) => [p.organisationName, p.state])).toEqual([
      ['Samforma', 'adopted'],
      ['Länsstyrelsen i Norrbottens län', 'adopted'],
      ['Region Norrbotten', 'reviewing'],
    ]);
    expect(agreement.parties[0].decision).toMatchObject({ decisionBody: 'Samformas styrelse', decidedOn: '2021-01-29', extract: { contentType: 'application/pdf' } });
    // Samforma's protocol extract is a real PDF on file.
    const extract = await coordinator.get(`/api/agreements/${agreements[0].id}/adoptions/${agreement.parties[0].decision.id}/extract`);
    expect(extract.status).toBe(200);
    expect(extract.headers['content-type']).toBe('application/pdf');
    expect(String(extract.body).startsWith('%PDF-')).toBe(true);
    expect(Number(extract.headers['content-length'])).toBe(agreement.parties[0].decision.extract.size);
    expect(agreement.signatures[0]).toMatchObject({ organisationName: 'Samforma', sha256: agreement.sha256, current: true });
    expect((await coordinator.get(`/api/agreements/${agreements[0].id}/comments`)).body).toHaveLength(2);
    // The coordinator, a leader and Region Norrbotten's representative, can record the region's decision.
    expect(agreement.allowedActions).toEqual(expect.arrayContaining(['record_adoption', 'update', 'sign']));
    const adopted = await coordinator.post(`/api/agreements/${agreements[0].id}/adoptions`, { organisationId: agreement.parties[2].organisationId, decisionBody: 'Regionfullmäktige', decidedOn: '2021-04-21', minuteReference: '§ 63' });
    expect(adopted.body).toMatchObject({ status: 'in_force', partiesAdopted: 3 });
  });
});

// --- live boards

describe('demo board', () => {
  it('the Sorsele kick-off has an open board that a phone can join with its code and post to', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const spaces = (await lead.get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const events = (await lead.get(`/api/spaces/${talko.id}/events`)).body as { id: string; title: string }[];
    const kickOff = events.find((e) => e.title === 'Uppstartsmöte: lokal arbetsgrupp Sorsele')!;
    const boards = await lead.get(`/api/events/${kickOff.id}/boards`);
    expect(boards.status).toBe(200);
    expect(boards.body).toHaveLength(1);
    const [board] = boards.body as { id: string; code: string; status: string }[];
    expect(board!.status).toBe('open');
    const joined = await t.client().post('/api/boards/join', { code: board!.code });
    expect(joined.status).toBe(201);
    const view = await t.client().get(`/api/boards/${board!.id}`, { 'x-board-token': joined.body.token });
    expect(view.body.prompts).toHaveLength(2);
    expect(view.body.groups.map((g: { name: string }) => g.name)).toEqual(['Gargnäs', 'Blattnicksele', 'Ammarnäs']);
    const note = await t.client().post(`/api/boards/${board!.id}/notes`, { promptId: view.body.prompts[0].id, text: 'Fler bussturer', clientKey: 'demo-note-0001' }, { 'x-board-token': joined.body.token });
    expect(note.status).toBe(201);
  });
});

// --- groups, events and alliances

describe('demo groups and events', () => {
  it('has TALKO working groups with a balance view and upcoming events, one of them rescheduled', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const sok = spaces.find((s) => s.name === 'SÖK Samverkan Norrbotten')!;
    const groups = (await t.client().get(`/api/spaces/${talko.id}/groups`)).body as {
      name: string;
      kind: string;
      memberCount: number;
      balance: { key: string; missing: number }[];
    }[];
    expect(groups.map((g) => g.name)).toEqual([
      'Lokal arbetsgrupp Arjeplog',
      'Lokal arbetsgrupp Sorsele',
      'Lokal arbetsgrupp Storuman',
      'Ungdomsgruppen',
    ]);
    const sorsele = groups.find((g) => g.name === 'Lokal arbetsgrupp Sorsele')!;
    expect(sorsele.memberCount).toBe(4);
    expect(sorsele.balance.find((b) => b.key === 'youth')!.missing).toBe(0);
    expect(sorsele.balance.find((b) => b.key === 'private')!.missing).toBe(4);
    const events = (await t.client().get(`/api/spaces/${talko.id}/events?when=upcoming`)).body as { kind: string; cohosts: unknown[] }[];
    expect(events.map((e) => e.kind)).toEqual(['kick_off', 'test_session']);
    expect(events[0]!.cohosts).toHaveLength(2);
    const dialogue = (await t.client().get(`/api/spaces/${sok.id}/events`)).body[0];
    expect(dialogue).toMatchObject({ kind: 'knowledge_dialogue', sequence: 1, modes: ['on_site', 'online'] });
    expect(dialogue.rescheduledAt).not.toBeNull();
    expect(dialogue.cohosts).toHaveLength(3);
    const derived = (await t.client().get(`/api/spaces/${talko.id}/network?source=derived`)).body;
    // Six from the Sorsele working group, one from the kick-off's two co-hosts (issue 11 §2); the
    // organisations sharing the Sorsele plan's measures add their own (counted in the plans demo test).
    const fromGroupsAndEvents = derived.edges.filter((e: { derivedFrom?: { kind: string } | null }) => e.derivedFrom?.kind === 'working_group' || e.derivedFrom?.kind === 'event');
    expect(fromGroupsAndEvents.length).toBe(7);
  });
});

// alliances, joint initiatives, volunteers (issue 11 §2): in this file to share its one demo seed.
describe('demo alliances', () => {
  it('has an Agenda 2030 alliance with members, three joint initiatives with partners on the map, and a call for volunteers with sign-ups', async () => {
    const anyone = t.client();
    const spaces = (await anyone.get('/api/spaces')).body as { id: string; name: string }[];
    const agenda = spaces.find((s) => s.name === 'Agenda 2030 – med civilsamhället som motor')!;
    const [alliance] = (await anyone.get(`/api/spaces/${agenda.id}/alliances`)).body;
    expect(alliance).toMatchObject({ name: 'Alliansen för hållbara bygder i norr', memberCount: 7, initiativeCount: 3 });
    const detail = (await anyone.get(`/api/alliances/${alliance.id}`)).body;
    expect(detail.members.filter((m: { status: string }) => m.status === 'invited').map((m: { organisationName: string }) => m.organisationName)).toEqual(['LRF']);

    const directory = (await anyone.get('/api/initiatives')).body as { id: string; title: string; status: string; partnerCount: number; lon: number | null }[];
    expect(directory.map((i) => i.title).sort()).toEqual(['Klimatsmarta byar – energikartläggning i tio byar', 'Lokal mat i skolköken', 'Nyanlända i föreningslivet']);
    expect(directory.every((i) => i.lon !== null)).toBe(true);
    const energy = directory.find((i) => i.title.startsWith('Klimatsmarta'))!;
    expect(energy).toMatchObject({ status: 'ongoing', partnerCount: 3 });
    const [call] = (await anyone.get(`/api/initiatives/${energy.id}/volunteer-calls`)).body;
    expect(call).toMatchObject({ wanted: 8, confirmed: 2, open: true });

    // The partners are derived collaborations in the space's network, with their source.
    const network = (await anyone.get(`/api/spaces/${agenda.id}/network?source=derived`)).body as { edges: { derivedFrom: { kind: string; id: string } | null }[] };
    expect(network.edges.filter((e) => e.derivedFrom?.kind === 'initiative' && e.derivedFrom.id === energy.id)).toHaveLength(6);
  });
});

// --- a demo that shows every capability (issue 13 §3)

describe('the demo', () => {
  it('gives every locality an approximate population, so an analysis from the localities works', async () => {
    const localities = (await t.client().get('/api/localities')).body as { name: string; population: number | null }[];
    expect(localities.length).toBeGreaterThanOrEqual(12);
    expect(localities.every((l) => typeof l.population === 'number' && l.population > 0)).toBe(true);
    // Rounded: demo values, not statistics.
    expect(localities.every((l) => l.population! % 50 === 0)).toBe(true);
  });

  it('ships a finished straight-line accessibility analysis for Service i samverkan with one saved scenario', async () => {
    const analyses = (await t.client().get(`/api/spaces/${service}/analyses`)).body as { id: string; status: string; mode: string; name: string }[];
    expect(analyses).toHaveLength(1);
    expect(analyses[0]).toMatchObject({ status: 'done' });
    expect((await t.client().get(`/api/analyses/${analyses[0]!.id}`)).body).toMatchObject({ status: 'done', inputs: { mode: 'straight_line' }, details: { mode: 'straight_line' } });
    expect(analyses[0]!.name).toContain('fågelvägen');
    const scenarios = (await t.client().get(`/api/analyses/${analyses[0]!.id}/scenarios`)).body as { name: string }[];
    expect(scenarios.map((s) => s.name)).toEqual(['Om den mest använda livsmedelsbutiken stänger']);
  });

  it('says how people join each project, and Service i samverkan has a request waiting for its facilitator', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { name: string; joinPolicy: string }[];
    const policy = (name: string) => spaces.find((s) => s.name === name)?.joinPolicy;
    expect(policy('Agenda 2030 – med civilsamhället som motor')).toBe('open');
    expect(policy('Service i samverkan')).toBe('request');
    expect(policy('TALKO Lappland')).toBe('invitation');
    const facilitator = await t.signIn('processledare@example.org', 'demo-password-123');
    const requests = (await facilitator.get(`/api/spaces/${service}/join-requests`)).body as { name: string; message: string }[];
    expect(requests).toEqual([expect.objectContaining({ name: 'Demo Byalagsmedlem (fiktiv)', message: expect.stringContaining('Särna') })]);
  });

  it('the demo people have profiles; the village member shows theirs to everyone, the facilitator only to fellow members', async () => {
    const villager = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'byalag@example.org').executeTakeFirstOrThrow();
    const facilitator = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'processledare@example.org').executeTakeFirstOrThrow();
    expect((await t.client().get(`/api/users/${villager.id}/profile`)).body).toMatchObject({ organisation: 'Ammarnäs byaförening', sector: 'civil_society' });
    expect((await t.client().get(`/api/users/${facilitator.id}/profile`)).status).toBe(404);
    const member = await t.signIn('byalag@example.org', 'demo-password-123');
    expect((await member.get(`/api/users/${facilitator.id}/profile`)).body.municipality).toEqual({ code: '2039', name: 'Älvdalen' });
  });

  it('puts the co-financiers in Service i samverkan and private businesses in the registry', async () => {
    const organisations = (await t.client().get(`/api/spaces/${service}/organisations`)).body as { name: string; sector: string }[];
    const names = organisations.map((o) => o.name);
    for (const name of ['Bygdegårdarnas Riksförbund', 'LRF', 'Hushållningssällskapet']) expect(names).toContain(name);
    expect(new Set(organisations.map((o) => o.sector))).toEqual(new Set(['public', 'private', 'civil_society']));
    const privateSector = (await t.client().get('/api/organisations?sector=private')).body.items as { name: string }[];
    expect(privateSector.length).toBeGreaterThanOrEqual(3);
  });
});

// --- news and followers

describe('demo news and followers', () => {
  it('has news in each of the four projects, a pinned one first, and followers', async () => {
    const all = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    // The four projects (the demo's model-use spaces have no news of their own).
    const projects = ['TALKO Lappland', 'Service i samverkan', 'SÖK Samverkan Norrbotten', 'Agenda 2030 – med civilsamhället som motor'];
    const spaces = all.filter((s) => projects.includes(s.name));
    expect(spaces).toHaveLength(4);
    for (const space of spaces) {
      const posts = (await t.client().get(`/api/spaces/${space.id}/posts`)).body as { title: string }[];
      expect(posts.length, space.name).toBeGreaterThanOrEqual(2);
    }
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const posts = (await t.client().get(`/api/spaces/${talko.id}/posts`)).body as { pinned: boolean; visibility: string }[];
    expect(posts[0]!.pinned).toBe(true);
    expect(posts.every((p) => p.visibility === 'public')).toBe(true);
    expect(((await t.client().get('/api/news')).body as unknown[]).length).toBeGreaterThanOrEqual(8);
    const member = await t.signIn('byalag@example.org', 'demo-password-123');
    expect(((await member.get('/api/me/follows')).body as { kind: string }[]).map((f) => f.kind).sort()).toEqual(['input', 'space']);
    const followers = await t.deps.db.selectFrom('follows').select(['email', 'confirmed_at']).where('email', 'is not', null).execute();
    expect(followers).toHaveLength(2);
    expect(followers.every((f) => f.confirmed_at !== null)).toBe(true);
  });
});

// --- action plans

describe('demo action plans', () => {
  it("SÖK's action plan has five measures, each with a responsible party and an indicator with values", async () => {
    const visitor = t.client();
    const list = await visitor.call(endpoints.getSpaceActionPlans, { params: { id: await spaceId('SÖK Samverkan Norrbotten') } });
    expect(list.body.items).toHaveLength(1);
    const plan = (await visitor.call(endpoints.getActionPlan, { params: { id: list.body.items[0]!.id } })).body;
    expect(plan.measures).toHaveLength(5);
    for (const m of plan.measures) {
      expect(m.responsibleOrganisation, m.title).not.toBeNull();
      expect(m.indicators, m.title).toHaveLength(1);
      expect(m.indicators[0]!.values.length, m.title).toBeGreaterThan(0);
    }
    expect(new Set(plan.measures.map((m) => m.responsibleOrganisation!.name))).toEqual(
      new Set(['Samforma', 'Region Norrbotten', 'Länsstyrelsen i Norrbottens län', 'Norrbottens bildningsförbund', 'Luleå tekniska universitet']),
    );
  });

  it("TALKO Sorsele's local action plan has three measures that answer demo inputs, shown on the inputs' public trail", async () => {
    const visitor = t.client();
    const list = await visitor.call(endpoints.getSpaceActionPlans, { params: { id: await spaceId('TALKO Lappland') } });
    const plan = (await visitor.call(endpoints.getActionPlan, { params: { id: list.body.items.find((p) => p.title.includes('Sorsele'))!.id } })).body;
    expect(plan.measures).toHaveLength(3);
    for (const m of plan.measures) expect(m.inputs.map((i) => i.status), m.title).toEqual(['planned']);
    const input = (await visitor.call(endpoints.getInput, { params: { id: plan.measures[0]!.inputs[0]!.id } })).body;
    expect(input.trail).toMatchObject({ measureTitle: plan.measures[0]!.title, actionPlanTitle: 'Lokal handlingsplan Sorsele 2026–2027' });
  });
});

// --- people's data

describe('demo: people’s data', () => {
  it('the village member downloads their memberships, input and registration; the privacy page works with the demo configuration', async () => {
    const member = await t.signIn('byalag@example.org', 'demo-password-123');
    const data = (await member.get('/api/me/data')).body;
    expect(data.sections.memberships.map((m: { space: { name: string } }) => m.space.name).sort()).toEqual(['Agenda 2030 – med civilsamhället som motor', 'TALKO Lappland']);
    expect(data.sections.inputs).toEqual([expect.objectContaining({ role: 'submitter', noticeEmail: 'byalag@example.org' })]);
    expect(data.sections.registrations).toEqual([expect.objectContaining({ dietaryNeeds: 'Vegetariskt', status: 'confirmed' })]);
    expect((await member.get('/api/me/data?format=html')).body).toContain('Anmälningar till träffar (1)');
    const policy = (await t.client().get('/api/privacy')).body;
    expect(policy.controller.configured).toBe(false);
    expect(policy.activities.length).toBeGreaterThan(0);
  });

  it('TALKO’s people list shows a consent withdrawn by a leader, beside the consent', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const talko = ((await lead.get('/api/spaces')).body as { id: string; name: string }[]).find((s) => s.name === 'TALKO Lappland')!;
    const people = (await lead.get(`/api/people?space=${talko.id}`)).body as { name: string; consents: { withdrawnAt: string | null; withdrawalMethod: string | null }[] }[];
    const withdrawn = people.filter((p) => p.consents.some((c) => c.withdrawnAt));
    expect(withdrawn).toEqual([expect.objectContaining({ name: 'borttagen användare', consents: [expect.objectContaining({ withdrawalMethod: 'leader' })] })]);
  });
});

// --- processes, feedback and dashboards

describe('demo processes, feedback and dashboards', () => {
  it('runs TALKO in its eight municipalities at different stages, with feedback from three test sessions and goals for all four projects', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const processes = (await t.client().call(processEndpoints.getSpaceProcesses, { params: { id: talko.id } })).body;
    expect(processes).toHaveLength(8);
    expect(new Set(processes.map((p) => p.stepsDone)).size).toBeGreaterThan(1);
    expect(processes.some((p) => p.overdue > 0)).toBe(true);

    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const forms = (await lead.call(feedbackEndpoints.getSpaceFeedbackForms, { params: { id: talko.id } })).body;
    expect(forms).toHaveLength(3);
    const results = (await lead.call(feedbackEndpoints.getFeedbackResults, { params: { id: forms[0]!.id } })).body;
    expect(results.comparison.map((c) => c.respondents)).toEqual([10, 8, 7]);
    expect((await t.client().call(feedbackEndpoints.getFeedbackChanges, { params: { id: talko.id } })).body).toHaveLength(2);

    // The four projects (other demo parts may add spaces of their own).
    for (const space of spaces.filter((s) => DEMO_SPACES.some((d) => d.name === s.name))) {
      const dashboard = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: space.id } })).body;
      expect(dashboard.goals!.length, space.name).toBeGreaterThan(0);
      expect(dashboard.facts!.coFinanciers.length, space.name).toBeGreaterThan(0);
      expect(dashboard.facts!.spinOffs.length, space.name).toBeGreaterThan(0);
    }
    const talkoDashboard = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: talko.id } })).body;
    expect(talkoDashboard.figures.find((f) => f.key === 'feedback_answers')!.value).toBe(25);
    const comparison = (await t.client().call(dashboardEndpoints.getSpaceComparison, { params: { id: talko.id } })).body;
    expect(comparison.rows).toHaveLength(8);
    // Sorsele's and Storuman's plans: measures in both; only Sorsele's plan is adopted.
    const measuresIn = (name: string) => comparison.rows.find((r) => r.municipalityName === name)!.values.measures;
    expect(measuresIn('Sorsele')).toBeGreaterThan(0);
    expect(measuresIn('Storuman')).toBeGreaterThan(0);
    const planStep = async (name: string) => {
      const id = processes.find((p) => p.municipalityName === name)!.id;
      const p = (await t.client().call(processEndpoints.getProcess, { params: { id } })).body;
      return p.phases.flatMap((ph) => ph.steps).find((s) => s.id === 'action-plan')!;
    };
    expect(await planStep('Sorsele')).toMatchObject({ status: 'done', checkedBy: 'platform' });
    expect((await planStep('Storuman')).status).not.toBe('done');
  });

  it("shows measures, indicators and SÖK's agreement on the dashboards, and SÖK's plan carries out the agreement", async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const sok = spaces.find((s) => s.name === 'SÖK Samverkan Norrbotten')!;
    const d = (await t.client().call(dashboardEndpoints.getSpaceDashboard, { params: { id: sok.id } })).body;
    const figure = (key: string) => d.figures.find((f) => f.key === key)!;
    expect(figure('measures').value).toBe(5);
    expect(figure('indicators_on_track')).toMatchObject({ total: 5, value: expect.any(Number) });
    expect(figure('indicators_on_track').value).toBeGreaterThan(0);
    expect(figure('indicators_on_track').value).toBeLessThan(5);
    expect(figure('agreements').value).toBe(1);
    const plans = (await t.client().call(endpoints.getSpaceActionPlans, { params: { id: sok.id } })).body;
    const agreements = (await t.client().get(`/api/spaces/${sok.id}/agreements`)).body as { id: string }[];
    expect(plans.items[0]!.agreementId).toBe(agreements[0]!.id);
  });

  it('has a template of its own for the template editor, with material from the library', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const sis = spaces.find((s) => s.name === 'Service i samverkan')!;
    const templates = (await t.client().call(processEndpoints.getProcessTemplates, { query: { spaceId: sis.id } })).body;
    const own = templates.find((x) => !x.builtIn)!;
    expect(own).toMatchObject({ name: 'Serviceplanering i samverkan', spaceId: sis.id });
    const material = own.phases.flatMap((p) => p.steps.flatMap((s) => s.material));
    expect(material.filter((m) => m.libraryItemId)).toHaveLength(2);
    for (const m of material.filter((x) => x.libraryItemId)) expect((await t.client().get(`/api/library/${m.libraryItemId}`)).status).toBe(200);
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    expect((await lead.call(processEndpoints.getProcessTemplate, { params: { id: own.id } })).body.allowedActions).toContain('update');
  });
});

// --- organisation stewardship

describe('demo organisation stewardship', () => {
  it('has confirmed representatives and a suggestion waiting for one of them', async () => {
    const found = (await t.client().get('/api/organisations?q=Hela Sverige ska leva Västerbotten')).body.items as { id: string }[];
    const id = found[0]!.id;
    const representative = await t.signIn('byalag@example.org', 'demo-password-123');
    expect((await representative.get(`/api/organisations/${id}`)).body.allowedActions).toEqual(['update']);
    const representatives = (await representative.get(`/api/organisations/${id}/representatives`)).body;
    expect(representatives).toEqual([expect.objectContaining({ name: 'Demo Byalagsmedlem (fiktiv)', status: 'confirmed', confirmedByName: 'Demo Processledare (fiktiv)' })]);
    const suggestions = (await representative.get(`/api/organisations/${id}/suggestions`)).body;
    expect(suggestions).toEqual([expect.objectContaining({ status: 'pending', proposedByName: 'Demo Processledare (fiktiv)', allowedActions: ['accept', 'reject'] })]);
    // The leader who suggested it may not edit the organisation; the derived ties of TALKO's group stay in TALKO.
    const leader = await t.signIn('processledare@example.org', 'demo-password-123');
    expect((await leader.get(`/api/organisations/${id}`)).body.allowedActions).toEqual(['suggest', 'represent']);
    const derived = await t.deps.db.selectFrom('collaborations').select('space_id').where('source', '=', 'derived').execute();
    expect(derived.length).toBeGreaterThan(0);
    expect(derived.every((c) => c.space_id !== null)).toBe(true);
  });
});

// --- material: library files and "used in", event and initiative documents

describe('demo library files and uses', () => {
  it('library items carry a PDF anyone can download, and are used in events, measures and initiatives', async () => {
    const all = (await t.client().get('/api/library?limit=50')).body.items as { id: string; title: string }[];
    const byTitle = (title: string) => all.find((i) => i.title === title)!;
    const withFiles = ['Dagordning för uppstartsmöte i byn', 'Kunskapsdialog mellan offentlig sektor och civilsamhälle', 'Servicepunkten i byns lanthandel', 'Agenda 2030 för föreningen – studiematerial'];
    for (const title of withFiles) {
      const item = (await t.client().get(`/api/library/${byTitle(title).id}`)).body;
      expect(item.files, title).toHaveLength(1);
      expect(item.files[0]).toMatchObject({ contentType: 'application/pdf' });
      expect(item.files[0].fileName).toMatch(/\.pdf$/);
      const download = await t.client().get(`/api/library/${item.id}/files/${item.files[0].id}`);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(String(download.body).startsWith('%PDF-')).toBe(true);
      expect(item.usedIn.length, title).toBeGreaterThan(0);
    }
    const dialogue = (await t.client().get(`/api/library/${byTitle('Kunskapsdialog mellan offentlig sektor och civilsamhälle').id}`)).body;
    expect(dialogue.usedIn.map((u: { kind: string }) => u.kind).sort()).toEqual(['event', 'measure', 'model']);
    const agenda = (await t.client().get(`/api/library/${byTitle('Dagordning för uppstartsmöte i byn').id}`)).body;
    expect(agenda.usedIn).toEqual([expect.objectContaining({ kind: 'event', title: 'Uppstartsmöte: lokal arbetsgrupp Sorsele' })]);
    const service = (await t.client().get(`/api/library/${byTitle('Servicepunkten i byns lanthandel').id}`)).body;
    expect(service.usedIn).toEqual([expect.objectContaining({ kind: 'measure', title: 'Paketombud i Blattnicksele' })]);
    // The kick-off's own page lists its material.
    const talko = await spaceId('TALKO Lappland');
    const events = (await t.client().get(`/api/spaces/${talko}/events`)).body as { id: string; title: string }[];
    const kickOff = events.find((e) => e.title === 'Uppstartsmöte: lokal arbetsgrupp Sorsele')!;
    const material = (await t.client().get(`/api/events/${kickOff.id}/library`)).body as { title: string }[];
    expect(material.map((m) => m.title).sort()).toEqual(['Dagordning för uppstartsmöte i byn', 'Lokal arbetsgrupp i tre sektorer (4+4+4+1)']);
    // Stored as uploads are: under DATA_DIR/uploads/library with generated names.
    expect(await readdir(path.join(dataDir, 'uploads', 'library'))).toHaveLength(4);
  });

  it('a held TALKO test session has its minutes and the SÖK dialogue its presentation, downloadable', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const talko = await spaceId('TALKO Lappland');
    const sok = await spaceId('SÖK Samverkan Norrbotten');
    const talkoEvents = (await lead.get(`/api/spaces/${talko}/events?when=past`)).body as { id: string; title: string; endsAt: string }[];
    const held = talkoEvents.find((e) => e.title === 'Testtillfälle: verktyget i Sorsele')!;
    expect(new Date(held.endsAt).getTime()).toBeLessThan(Date.now());
    const minutes = (await lead.get(`/api/events/${held.id}/documents`)).body;
    expect(minutes).toEqual([expect.objectContaining({ kind: 'minutes', title: 'Minnesanteckningar från testtillfället i Sorsele', contentType: 'application/pdf' })]);
    const download = await t.client().get(`/api/events/${held.id}/documents/${minutes[0].id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.body).startsWith('%PDF-')).toBe(true);
    const sokEvents = (await t.client().get(`/api/spaces/${sok}/events`)).body as { id: string; kind: string }[];
    const dialogue = sokEvents.find((e) => e.kind === 'knowledge_dialogue')!;
    const slides = (await t.client().get(`/api/events/${dialogue.id}/documents`)).body;
    expect(slides).toEqual([expect.objectContaining({ kind: 'presentation', contentType: 'application/pdf' })]);
    expect((await t.client().get(`/api/events/${dialogue.id}/documents/${slides[0].id}`)).status).toBe(200);
  });

  it('every demo initiative has a report, results or a document', async () => {
    const initiatives = (await t.client().get('/api/initiatives')).body as { items?: { id: string; title: string }[] } | { id: string; title: string }[];
    const list = Array.isArray(initiatives) ? initiatives : (initiatives.items ?? []);
    expect(list).toHaveLength(3);
    const details = await Promise.all(list.map(async (i) => ({ ...(await t.client().get(`/api/initiatives/${i.id}`)).body, documents: (await t.client().get(`/api/initiatives/${i.id}/documents`)).body })));
    const food = details.find((d) => d.title === 'Lokal mat i skolköken')!;
    expect(food).toMatchObject({ status: 'ongoing' });
    expect(food.results).toContain('skolkök');
    expect(food.documents).toEqual([expect.objectContaining({ title: 'Lägesrapport hösten 2026: lokal mat i skolköken', contentType: 'application/pdf' })]);
    expect((await t.client().get(`/api/initiatives/${food.id}/documents/${food.documents[0].id}`)).status).toBe(200);
    for (const d of details) expect(d.results || d.documents.length, d.title).toBeTruthy();
  });
});

// --- network before/after and the mapping survey

describe('demo network snapshot and mapping survey', () => {
  it('TALKO Lappland has a snapshot from the project start, and the compare view shows more ties now', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const talko = await spaceId('TALKO Lappland');
    const snapshots = (await lead.get(`/api/spaces/${talko}/network/snapshots`)).body;
    expect(snapshots).toEqual([expect.objectContaining({ name: 'Utgångsläge vid projektstart', at: '2024-09-01' })]);
    const compare = (await lead.get(`/api/spaces/${talko}/network/snapshots/${snapshots[0].id}/compare`)).body;
    expect(compare.edgeCount.after).toBeGreaterThan(compare.edgeCount.before);
    expect(compare.edgeCount.before).toBeGreaterThan(0);
    expect(compare.newCollaborations.length).toBeGreaterThan(0);
  });

  it("TALKO Lappland's mapping survey went to eight organisations; five answered and their ties are in the network", async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const talko = await spaceId('TALKO Lappland');
    const surveys = (await lead.get(`/api/spaces/${talko}/surveys`)).body;
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ title: 'Kartläggning av samverkan i TALKO-kommunerna', invited: 8, responded: 5, responseRate: 5 / 8 });
    const network = (await lead.get(`/api/spaces/${talko}/network?source=survey`)).body;
    expect(network.edges.length).toBeGreaterThanOrEqual(9);
    const metrics = (await lead.get(`/api/spaces/${talko}/network/metrics`)).body;
    expect(metrics.surveyReciprocity).toBeGreaterThan(0);
  });
});
