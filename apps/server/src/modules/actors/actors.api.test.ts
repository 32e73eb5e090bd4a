import { isValidOrgNumber } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tokenFromMail, type Client, type TestApp } from '../../test/app.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Kartläggning Norrbotten', kind: 'regional', visibility: 'members', municipalityCodes: ['2505', '2580'] })).body.id;
});
afterAll(() => t.close());

let counter = 0;
async function organisation(client: Client, overrides: Record<string, unknown> = {}) {
  counter++;
  const answer = await client.post('/api/organisations', {
    name: `Testorganisation ${counter} ${'x'.repeat(counter % 3)}${counter * 7919}`,
    sector: 'civil_society',
    type: 'association',
    level: 'local',
    municipalityCode: '2505',
    ...overrides,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; name: string };
}
async function inSpace(org: { id: string }) {
  expect((await lead.client.post(`/api/spaces/${spaceId}/organisations`, { organisationId: org.id })).status).toBe(201);
}

describe('organisation number', () => {
  it('accepts valid numbers and refuses a wrong check digit or format', async () => {
    expect(isValidOrgNumber('212000-2742')).toBe(true); // check digit 2 by the Luhn rule
    expect(isValidOrgNumber('232100-0016')).toBe(true);
    expect(isValidOrgNumber('212000-2743')).toBe(false);
    expect(isValidOrgNumber('2120002742')).toBe(false);
    const wrongDigit = await lead.client.post('/api/organisations', { name: 'Fel nummer', orgNumber: '212000-2743', sector: 'public', type: 'municipality', level: 'municipal' });
    expect(wrongDigit.status).toBe(400);
    expect(wrongDigit.body.error.fields.orgNumber).toBe('Organisationsnumret är inte giltigt (kontrollsiffran stämmer inte).');
    const wrongFormat = await lead.client.post('/api/organisations', { name: 'Fel format', orgNumber: '2120002742', sector: 'public', type: 'municipality', level: 'municipal' });
    expect(wrongFormat.body.error.fields.orgNumber).toBe('Organisationsnumret ska skrivas NNNNNN-NNNN.');
  });
});

describe('organisations', () => {
  it('creates, lists with filters and pages, edits and removes', async () => {
    const created = await lead.client.post('/api/organisations', {
      name: 'Sorsele kommun',
      orgNumber: '212000-2742',
      sector: 'public',
      type: 'municipality',
      level: 'municipal',
      municipalityCode: '2422',
      website: 'https://www.sorsele.se',
      tags: ['kommun'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Sorsele kommun', orgNumber: '212000-2742', municipalityName: 'Sorsele', allowedActions: ['update', 'delete', 'represent'] });
    const listed = await t.client().get('/api/organisations?sector=public&municipality=2422');
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]).toMatchObject({ name: 'Sorsele kommun', allowedActions: [] });
    const searched = await t.client().get('/api/organisations?q=212000');
    expect(searched.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    const edited = await lead.client.patch(`/api/organisations/${created.body.id}`, { description: 'Kommunen i Lappland' });
    expect(edited.body.description).toBe('Kommunen i Lappland');
    const stranger = await t.user();
    expect((await stranger.client.patch(`/api/organisations/${created.body.id}`, { name: 'Kapad' })).status).toBe(403);
    expect((await lead.client.delete(`/api/organisations/${created.body.id}`)).status).toBe(204);
    expect((await t.client().get(`/api/organisations/${created.body.id}`)).status).toBe(404);
  });

  it('warns about a near-duplicate and offers the existing one; confirming creates it anyway', async () => {
    const first = await organisation(lead.client, { name: 'Ammarnäs byaförening', municipalityCode: '2422' });
    const similar = await lead.client.post('/api/organisations', { name: 'Ammarnäs Byaförening ek. för.', sector: 'civil_society', type: 'village_association', level: 'local', municipalityCode: '2422' });
    expect(similar.status).toBe(409);
    expect(similar.body.error.duplicates).toEqual([expect.objectContaining({ id: first.id, name: 'Ammarnäs byaförening', reason: 'similar_name' })]);
    const check = await lead.client.post('/api/organisations/duplicates', { name: 'ammarnäs byaförening', municipalityCode: '2422' });
    expect(check.body.map((d: { id: string }) => d.id)).toEqual([first.id]);
    const elsewhere = await lead.client.post('/api/organisations', { name: 'Ammarnäs byaförening', sector: 'civil_society', type: 'association', level: 'local', municipalityCode: '2505' });
    expect(elsewhere.status).toBe(201);
    const confirmed = await lead.client.post('/api/organisations', { name: 'Ammarnäs Byaförening ek. för.', sector: 'civil_society', type: 'association', level: 'local', municipalityCode: '2422', confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  it('never accepts the same organisation number twice, even when confirmed', async () => {
    await organisation(lead.client, { name: 'Region Norrbotten', orgNumber: '232100-0016', sector: 'public', type: 'region', level: 'regional', municipalityCode: '2580' });
    const again = await lead.client.post('/api/organisations', { name: 'Norrbottens region', orgNumber: '232100-0016', sector: 'public', type: 'region', level: 'regional', confirmDuplicate: true });
    expect(again.status).toBe(409);
    expect(again.body.error.duplicates[0].reason).toBe('org_number');
  });
});

describe('people', () => {
  it('are visible only to platform admins and leaders of their spaces, never publicly', async () => {
    const org = await organisation(lead.client);
    const created = await lead.client.post('/api/people', {
      name: 'Fiktiva Fia',
      email: 'fia@example.org',
      phone: '070-000 00 00',
      municipalityCode: '2505',
      youthRepresentative: true,
      ageGroup: '16_25',
      affiliations: [{ organisationId: org.id, role: 'ordförande' }],
      spaceId,
      consent: { purpose: 'Lokal arbetsgrupp i TALKO', textVersion: '2026-1', method: 'verbal' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Fiktiva Fia', youthRepresentative: true, spaceIds: [spaceId], affiliations: [{ organisationId: org.id, role: 'ordförande' }] });
    expect(created.body.consents[0]).toMatchObject({ method: 'verbal', textVersion: '2026-1' });
    const id = created.body.id;

    // A member of the space, a leader of another space and the public see nothing.
    const member = await t.user();
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: new Date() }).execute();
    const otherLead = await t.user();
    await otherLead.client.post('/api/spaces', { name: 'Annan arena', kind: 'project', visibility: 'public' });
    for (const client of [member.client, otherLead.client]) {
      expect((await client.get(`/api/people/${id}`)).status).toBe(404);
      expect((await client.get('/api/people')).body.map((p: { id: string }) => p.id)).not.toContain(id);
      expect((await client.patch(`/api/people/${id}`, { name: 'X' })).status).toBe(404);
    }
    expect((await t.client().get(`/api/people/${id}`)).status).toBe(401);
    const publicAnswers = [await t.client().get('/api/organisations?limit=1000'), await t.client().get(`/api/organisations/${org.id}`), await t.client().get('/api/openapi.json')];
    for (const answer of publicAnswers) expect(JSON.stringify(answer.body)).not.toContain('fia@example.org');
    const admin = await t.user({ isAdmin: true });
    expect((await admin.client.get(`/api/people/${id}`)).body.email).toBe('fia@example.org');
    expect((await lead.client.get(`/api/people?space=${spaceId}`)).body.map((p: { id: string }) => p.id)).toContain(id);
    expect((await lead.client.get(`/api/people/${id}`)).headers['cache-control']).toBe('no-store');
  });

  it('requires consent and erases everything on request', async () => {
    const noConsent = await lead.client.post('/api/people', { name: 'Utan samtycke', spaceId });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.fields).toHaveProperty('consent');
    const created = await lead.client.post('/api/people', { name: 'Radera Mig', spaceId, consent: { purpose: 'Test', textVersion: '1', method: 'paper' } });
    expect((await lead.client.delete(`/api/people/${created.body.id}`)).status).toBe(204);
    expect((await lead.client.get(`/api/people/${created.body.id}`)).status).toBe(404);
    const consents = await t.deps.db.selectFrom('person_consents').select('id').where('person_id', '=', created.body.id).execute();
    expect(consents).toHaveLength(0);
  });
});

describe('collaborations and the network', () => {
  it('shows organisations and collaborations in the network, with metrics', async () => {
    const kommun = await organisation(lead.client, { name: 'Arvidsjaurs kommun (test)', sector: 'public', type: 'municipality', level: 'municipal' });
    const butik = await organisation(lead.client, { name: 'Byabutiken (test)', sector: 'private', type: 'company' });
    const by = await organisation(lead.client, { name: 'Byalaget (test)' });
    for (const org of [kommun, butik, by]) await inSpace(org);
    const collab = await lead.client.post('/api/collaborations', { organisationIds: [kommun.id, butik.id], type: 'service_agreement', frequency: 'regular', startDate: '2025-01-01', spaceId });
    expect(collab.status).toBe(201);
    expect(collab.body).toMatchObject({ source: 'manual', confirmedByBoth: false });
    const self = await lead.client.post('/api/collaborations', { organisationIds: [kommun.id, kommun.id], type: 'funding', spaceId });
    expect(self.body.error.fields.organisationIds).toBe('En samverkan behöver två olika organisationer.');
    const twice = await lead.client.post('/api/collaborations', { organisationIds: [butik.id, kommun.id], type: 'service_agreement', spaceId });
    expect(twice.status).toBe(409);
    await lead.client.post('/api/collaborations', { organisationIds: [butik.id, by.id], type: 'informal_contact', spaceId });

    const network = await lead.client.get(`/api/spaces/${spaceId}/network`);
    expect(network.status).toBe(200);
    const ids = network.body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([kommun.id, butik.id, by.id]));
    expect(network.body.edges).toContainEqual(expect.objectContaining({ id: collab.body.id, type: 'service_agreement', origin: 'manual' }));
    const filtered = await lead.client.get(`/api/spaces/${spaceId}/network?sector=private`);
    expect(filtered.body.nodes.map((n: { id: string }) => n.id)).toEqual([butik.id]);
    expect(filtered.body.edges).toHaveLength(0);

    const metrics = await lead.client.get(`/api/spaces/${spaceId}/network/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body.betweenness.map((b: { organisationId: string }) => b.organisationId).sort()).toEqual([...ids].sort());
    const butikBetweenness = metrics.body.betweenness.find((b: { organisationId: string }) => b.organisationId === butik.id).value;
    expect(butikBetweenness).toBeGreaterThan(0);
    expect(metrics.body.crossSectorShare).toBe(1);

    const gexf = await lead.client.get(`/api/spaces/${spaceId}/network/export?format=gexf`);
    expect(gexf.headers['content-type']).toContain('application/gexf+xml');
    expect(gexf.body).toContain('<gexf');
    expect(gexf.body).toContain('Byabutiken (test)');
    const csv = await lead.client.get(`/api/spaces/${spaceId}/network/export?format=collaborations.csv`);
    expect(csv.body.split('\n')[0]).toBe('id,organisation_a,organisation_a_name,organisation_b,organisation_b_name,type,source,frequency,example_data');
  });

  it('compares a baseline snapshot with the network later', async () => {
    const space = (await lead.client.post('/api/spaces', { name: 'Före och efter', kind: 'project', visibility: 'public' })).body.id;
    const a = await organisation(lead.client, { sector: 'public', type: 'municipality', level: 'municipal' });
    const b = await organisation(lead.client);
    const c = await organisation(lead.client, { sector: 'private', type: 'company' });
    for (const org of [a, b, c]) await lead.client.post(`/api/spaces/${space}/organisations`, { organisationId: org.id });
    const old = await lead.client.post('/api/collaborations', { organisationIds: [b.id, c.id], type: 'informal_contact', spaceId: space });
    const baseline = await lead.client.post(`/api/spaces/${space}/network/snapshots`, { name: 'Baslinje' });
    expect(baseline.status).toBe(201);
    expect(baseline.body).toMatchObject({ name: 'Baslinje', nodeCount: 3, edgeCount: 1 });
    const added = await lead.client.post('/api/collaborations', { organisationIds: [a.id, b.id], type: 'joint_project', spaceId: space });
    await lead.client.delete(`/api/collaborations/${old.body.id}`);
    const comparison = await lead.client.get(`/api/spaces/${space}/network/snapshots/${baseline.body.id}/compare`);
    expect(comparison.body.newCollaborations.map((e: { id: string }) => e.id)).toEqual([added.body.id]);
    expect(comparison.body.endedCollaborations.map((e: { id: string }) => e.id)).toEqual([old.body.id]);
    expect(comparison.body.crossSectorShare).toEqual({ before: 1, after: 1, change: 0 });
    expect(comparison.body.sectorDegree.private).toEqual({ before: 1, after: 0, change: -1 });
    expect(comparison.body.sectorDegree.public).toEqual({ before: 0, after: 1, change: 1 });
  });

  it('gives the network of a municipality', async () => {
    const answer = await t.client().get('/api/network?municipality=2505');
    expect(answer.status).toBe(200);
    expect(answer.body.network.nodes.every((n: { municipalityCode: string }) => n.municipalityCode === '2505')).toBe(true);
    expect(answer.body.metrics.nodeCount).toBe(answer.body.network.nodes.length);
  });
});

describe('mapping survey', () => {
  it('works by link without an account, only for its own organisation, and counts responses', async () => {
    const space = (await lead.client.post('/api/spaces', { name: 'Enkät', kind: 'regional', visibility: 'members' })).body.id;
    const [x, y, z] = [await organisation(lead.client), await organisation(lead.client, { sector: 'public', type: 'municipality', level: 'municipal' }), await organisation(lead.client, { sector: 'private', type: 'company' })];
    for (const org of [x, y, z]) await lead.client.post(`/api/spaces/${space}/organisations`, { organisationId: org.id });
    const sent = await lead.client.post(`/api/spaces/${space}/surveys`, {
      title: 'Vem samverkar ni med?',
      recipients: [
        { organisationId: x.id, email: 'x@example.org' },
        { organisationId: y.id, email: 'y@example.org' },
        { organisationId: z.id, email: 'z@example.org' },
      ],
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ invited: 3, responded: 0, responseRate: 0 });
    const tokenX = tokenFromMail((await t.outboxFor('x@example.org'))[0]!.text);
    const tokenY = tokenFromMail((await t.outboxFor('y@example.org'))[0]!.text);

    const visitor = t.client();
    const form = await visitor.post('/api/surveys/form', { token: tokenX });
    expect(form.body.organisation).toEqual({ id: x.id, name: x.name });
    expect(form.body.registry.map((o: { id: string }) => o.id).sort()).toEqual([y.id, z.id].sort());
    // Naming itself is refused: the link speaks only for its own organisation.
    expect((await visitor.post('/api/surveys/answer', { token: tokenX, answers: [{ organisationId: x.id, type: 'partnership', frequency: 'regular' }] })).status).toBe(400);
    const answered = await visitor.post('/api/surveys/answer', {
      token: tokenX,
      answers: [
        { organisationId: y.id, type: 'partnership', frequency: 'regular' },
        { newOrganisation: { name: 'Nya byaföreningen', sector: 'civil_society', type: 'village_association', level: 'local' }, type: 'informal_contact', frequency: 'occasional' },
      ],
    });
    expect(answered.status).toBe(200);
    await visitor.post('/api/surveys/answer', { token: tokenY, answers: [{ organisationId: x.id, type: 'partnership', frequency: 'continuous' }] });

    const surveys = await lead.client.get(`/api/spaces/${space}/surveys`);
    expect(surveys.body[0]).toMatchObject({ invited: 3, responded: 2 });
    expect(surveys.body[0].responseRate).toBeCloseTo(2 / 3);
    const network = await lead.client.get(`/api/spaces/${space}/network?source=survey`);
    expect(network.body.edges).toHaveLength(2); // x–y named by both counts once; x–new
    expect(network.body.nodes.map((n: { name: string }) => n.name)).toContain('Nya byaföreningen');
    const metrics = await lead.client.get(`/api/spaces/${space}/network/metrics`);
    expect(metrics.body.surveyReciprocity).toBeCloseTo(1 / 2);

    t.clock.advance(60_000);
    const reminded = await lead.client.post(`/api/spaces/${space}/surveys/${sent.body.id}/remind`);
    expect(reminded.body).toEqual({ reminded: 1 });
    const reminders = await t.outboxFor('z@example.org');
    expect(reminders[0]!.subject).toBe('Påminnelse – kartläggning: Vem samverkar ni med?');
    expect((await t.client().post('/api/surveys/form', { token: 'not-a-real-token-at-all-xxxxxxxx' })).status).toBe(400);
  });
});
