import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, tokenFromMail, type Client, type TestApp } from '../../test/app.ts';
import { buildMembership, buildOrganisation, buildSignedInUser, buildSpace, buildUser } from '../../test/factories.ts';

/** Issue 11 §2: alliances, joint initiatives, derived collaborations, calls for volunteers, the public directory. */

let t: TestApp;
let leader: Client;
let outsider: Client;
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const lead = await buildSignedInUser(t, { name: 'Processledare' });
  leader = lead.client;
  outsider = (await buildSignedInUser(t, { name: 'Utomstående' })).client;
  spaceId = (await buildSpace(t, { name: 'Agenda 2030 – med civilsamhället som motor', visibility: 'members', municipalityCodes: ['2580', '2581'], members: [{ user: lead, role: 'facilitator' }] })).id;
});
afterAll(() => t.close());

/** A signed-in user who is a confirmed representative of the organisation. */
async function representative(organisationId: string) {
  const user = await buildSignedInUser(t);
  await t.deps.db.insertInto('organisation_representatives').values({ organisation_id: organisationId, user_id: user.id, role: 'Ordförande', status: 'confirmed', requested_at: t.clock.now(), confirmed_at: t.clock.now(), confirmed_by: null }).execute();
  return user.client;
}

async function alliance(body: Record<string, unknown> = {}) {
  const answer = await leader.post(`/api/spaces/${spaceId}/alliances`, { name: `Allians ${Math.random().toString(36).slice(2, 8)}`, purpose: 'Hållbar landsbygd', goals: [11], targets: ['11.a', '13.3'], ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string };
}

async function networkEdges(at?: string) {
  const answer = await leader.get(`/api/spaces/${spaceId}/network${at ? `?at=${at}` : ''}`);
  expect(answer.status).toBe(200);
  return answer.body.edges as { source: string; target: string; origin: string; derivedFrom?: { kind: string; id: string } | null; description?: string }[];
}
const pair = (a: string, b: string) => (e: { source: string; target: string }) => (e.source === a && e.target === b) || (e.source === b && e.target === a);

describe('alliances', () => {
  it('are formed by the space leaders with theme goals and targets; a public one is seen by all, a members-only one by no outsider', async () => {
    expect((await outsider.post(`/api/spaces/${spaceId}/alliances`, { name: 'Ej tillåten' })).status).toBe(404);
    const bad = await leader.post(`/api/spaces/${spaceId}/alliances`, { name: 'Fel', targets: ['11.9'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['targets.0']);
    const hidden = await alliance();
    expect((await t.client().get(`/api/alliances/${hidden.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/alliances/${hidden.id}`)).status).toBe(404);
    const open = await alliance({ public: true, goals: [15, 11, 11] });
    const seen = await t.client().get(`/api/alliances/${open.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ public: true, goals: [11, 15], targets: ['11.a', '13.3'], purpose: 'Hållbar landsbygd', allowedActions: ['view'] });
    expect((await outsider.patch(`/api/alliances/${open.id}`, { name: 'Kapad' })).status).toBe(403);
    expect((await leader.patch(`/api/alliances/${open.id}`, { name: 'Omdöpt allians' })).body.name).toBe('Omdöpt allians');
  });

  it("takes members by a leader's invitation the organisation accepts, or by a request a leader accepts; only leaders see the contact person", async () => {
    const { id } = await alliance({ public: true });
    const invited = await buildOrganisation(t, { name: 'Bygdegårdsföreningen' });
    const asking = await buildOrganisation(t, { name: 'Naturskyddsföreningen Luleå' });
    const invitedRep = await representative(invited.id);
    const askingRep = await representative(asking.id);
    // Neither a leader nor the organisation's representative.
    expect((await outsider.post(`/api/alliances/${id}/members`, { organisationId: asking.id })).status).toBe(403);
    expect((await askingRep.post(`/api/alliances/${id}/members`, { organisationId: invited.id })).status).toBe(403);

    const person = await t.deps.db.insertInto('people').values({ name: 'Karin Kontakt', email: null, phone: null, municipality_code: null, age_group: null, created_by: null, updated_at: t.clock.now() }).returning('id').executeTakeFirstOrThrow();
    await t.deps.db.insertInto('space_people').values({ space_id: spaceId, person_id: person.id }).execute();
    let answer = await leader.post(`/api/alliances/${id}/members`, { organisationId: invited.id, contactPersonId: person.id });
    expect(answer.status).toBe(200);
    expect(answer.body.members).toEqual([expect.objectContaining({ organisationId: invited.id, status: 'invited', contactPersonName: 'Karin Kontakt' })]);
    expect(answer.body.memberCount).toBe(0);
    answer = await invitedRep.post(`/api/alliances/${id}/members`, { organisationId: invited.id });
    expect(answer.body.members[0]).toMatchObject({ status: 'member', contactPersonId: null, contactPersonName: null });

    answer = await askingRep.post(`/api/alliances/${id}/members`, { organisationId: asking.id });
    expect(answer.body.members.find((m: { organisationId: string }) => m.organisationId === asking.id).status).toBe('requested');
    // A representative may not name the contact person: that is one of the space's people.
    expect((await askingRep.post(`/api/alliances/${id}/members`, { organisationId: asking.id, contactPersonId: person.id })).status).toBe(403);
    answer = await leader.post(`/api/alliances/${id}/members`, { organisationId: asking.id });
    expect(answer.body.members.map((m: { status: string }) => m.status)).toEqual(['member', 'member']);
    expect(answer.body.memberCount).toBe(2);
    // Members are listed among the space's organisations, so its network shows them.
    const organisations = await t.deps.db.selectFrom('space_organisations').select('organisation_id').where('space_id', '=', spaceId).execute();
    expect(organisations.map((o) => o.organisation_id)).toEqual(expect.arrayContaining([invited.id, asking.id]));

    // The organisation leaves on its own say.
    expect((await askingRep.delete(`/api/alliances/${id}/members/${asking.id}`)).status).toBe(204);
    expect((await leader.get(`/api/alliances/${id}`)).body.memberCount).toBe(1);
  });
});

describe('joint initiatives', () => {
  it('are led by a member organisation; others ask to join with a commitment and the lead accepts; partners become derived collaborations in the network', async () => {
    const { id: allianceId } = await alliance({ public: true });
    const lead = await buildOrganisation(t, { name: 'Studieförbundet Vuxenskolan', sector: 'civil_society' });
    const company = await buildOrganisation(t, { name: 'Pite Energi', sector: 'private' });
    const outsiderOrg = await buildOrganisation(t, { name: 'Ej medlem' });
    const leadRep = await representative(lead.id);
    const companyRep = await representative(company.id);
    await leader.post(`/api/alliances/${allianceId}/members`, { organisationId: lead.id });
    await leadRep.post(`/api/alliances/${allianceId}/members`, { organisationId: lead.id });

    const notMember = await leader.post(`/api/alliances/${allianceId}/initiatives`, { title: 'Fel ledare', leadOrganisationId: outsiderOrg.id });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.fields).toEqual({ leadOrganisationId: expect.any(String) });
    // A representative of another organisation may not start one in the lead's name.
    expect((await companyRep.post(`/api/alliances/${allianceId}/initiatives`, { title: 'Kapat', leadOrganisationId: lead.id })).status).toBe(403);

    const created = await leadRep.post(`/api/alliances/${allianceId}/initiatives`, {
      title: 'Skräpplockardagen i Piteå',
      description: 'Vi städar stränderna tillsammans.',
      leadOrganisationId: lead.id,
      goals: [14],
      targets: ['14.1'],
      municipalityCode: '2581',
      placeName: 'Pite Havsbad',
      lon: 21.5,
      lat: 65.25,
      startDate: '2026-05-01',
      endDate: '2026-09-30',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'idea', leadOrganisationName: 'Studieförbundet Vuxenskolan', municipalityName: 'Piteå', partners: [], goals: [14] });
    expect(created.body.allowedActions).toEqual(expect.arrayContaining(['update', 'manage_partners', 'manage_volunteers']));
    expect((await t.client().get(`/api/alliances/${allianceId}/initiatives`)).body.map((i: { id: string }) => i.id)).toEqual([id]);

    // The company asks with its commitment: not a partner yet, so no tie.
    let answer = await companyRep.post(`/api/initiatives/${id}/partners`, { organisationId: company.id, commitment: 'Containrar och transport' });
    expect(answer.status).toBe(200);
    expect(answer.body.partners).toEqual([expect.objectContaining({ organisationId: company.id, status: 'requested', commitment: 'Containrar och transport' })]);
    expect((await networkEdges()).filter(pair(lead.id, company.id))).toEqual([]);
    // Only the lead (or a space leader) accepts: the company asking again changes nothing.
    expect((await companyRep.post(`/api/initiatives/${id}/partners`, { organisationId: company.id })).body.partners[0].status).toBe('requested');
    answer = await leadRep.post(`/api/initiatives/${id}/partners`, { organisationId: company.id });
    expect(answer.body.partners[0]).toMatchObject({ status: 'accepted', commitment: 'Containrar och transport' });
    expect(answer.body.partnerCount).toBe(1);
    const ties = (await networkEdges()).filter(pair(lead.id, company.id));
    expect(ties).toEqual([expect.objectContaining({ origin: 'derived', derivedFrom: { kind: 'initiative', id }, description: 'Initiativ: Skräpplockardagen i Piteå' })]);
    const collaboration = await leader.get(`/api/collaborations?organisation=${company.id}&space=${spaceId}`);
    expect(collaboration.body).toEqual([expect.objectContaining({ source: 'derived', derivedFrom: { kind: 'initiative', id } })]);

    // Status, results and indicator values; each status change goes into the update log.
    expect((await companyRep.patch(`/api/initiatives/${id}`, { status: 'planned' })).status).toBe(403);
    await leadRep.patch(`/api/initiatives/${id}`, { status: 'planned' });
    answer = await leadRep.patch(`/api/initiatives/${id}`, { status: 'ongoing', results: 'Två stränder städade.', indicators: [{ name: 'Skräp insamlat', value: 412.5, unit: 'kg' }] });
    expect(answer.body).toMatchObject({ status: 'ongoing', results: 'Två stränder städade.', indicators: [{ name: 'Skräp insamlat', value: 412.5, unit: 'kg' }] });
    // A partner writes to the log too.
    answer = await companyRep.post(`/api/initiatives/${id}/updates`, { text: 'Containrarna är på plats.' });
    expect(answer.status).toBe(201);
    expect(answer.body.updates.map((u: { kind: string; status: string | null; text: string }) => [u.kind, u.status ?? u.text])).toEqual([
      ['note', 'Containrarna är på plats.'],
      ['status', 'ongoing'],
      ['status', 'planned'],
      ['status', 'idea'],
    ]);
    expect((await outsider.post(`/api/initiatives/${id}/updates`, { text: 'Spam' })).status).toBe(403);

    // Documents are checked by content: a PDF is kept and downloads as an attachment, a script named .pdf is refused.
    const pdf = multipartFile('slutrapport.pdf', '%PDF-1.4\n%%EOF\n');
    const uploaded = await leadRep.request('POST', `/api/initiatives/${id}/documents`, pdf.body, pdf.headers);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: 'slutrapport.pdf', contentType: 'application/pdf' });
    const fake = multipartFile('virus.pdf', '#!/bin/sh\nrm -rf /\n');
    expect((await leadRep.request('POST', `/api/initiatives/${id}/documents`, fake.body, fake.headers)).status).toBe(415);
    expect((await companyRep.request('POST', `/api/initiatives/${id}/documents`, pdf.body, pdf.headers)).status).toBe(403);
    const download = await t.client().get(`/api/initiatives/${id}/documents/${uploaded.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect((await t.client().get(`/api/initiatives/${id}/documents`)).body).toHaveLength(1);

    // Done: the tie ends with the initiative, so the next day's network no longer shows it.
    await leadRep.patch(`/api/initiatives/${id}`, { status: 'done', endDate: null });
    const today = t.clock.now().toISOString().slice(0, 10);
    expect((await networkEdges(today)).filter(pair(lead.id, company.id))).toHaveLength(1);
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await networkEdges(tomorrow)).filter(pair(lead.id, company.id))).toEqual([]);

    // A partner leaving takes its ties with it.
    await leadRep.patch(`/api/initiatives/${id}`, { status: 'ongoing' });
    expect((await networkEdges()).filter(pair(lead.id, company.id))).toHaveLength(1);
    expect((await companyRep.delete(`/api/initiatives/${id}/partners/${company.id}`)).status).toBe(204);
    expect((await networkEdges()).filter(pair(lead.id, company.id))).toEqual([]);
  });

  it("make event co-hosts derived collaborations until the event is cancelled, and working groups' ties keep their source", async () => {
    const a = await buildOrganisation(t, { name: 'Arvidsjaurs kommun', sector: 'public', spaceId });
    const b = await buildOrganisation(t, { name: 'Hushållningssällskapet', sector: 'civil_society', spaceId });
    const event = await leader.post(`/api/spaces/${spaceId}/events`, {
      kind: 'knowledge_dialogue',
      title: 'Kunskapsdialog om hållbar turism',
      startsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
      endsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000 + 7_200_000).toISOString(),
      cohostIds: [a.id, b.id],
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([expect.objectContaining({ derivedFrom: { kind: 'event', id: event.body.id } })]);
    await leader.post(`/api/events/${event.body.id}/cancel`, { reason: 'Sjukdom' });
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([]);

    const member = await buildUser(t);
    await buildMembership(t, spaceId, member);
    const group = await leader.post(`/api/spaces/${spaceId}/groups`, { name: 'Styrgrupp', kind: 'steering' });
    for (const [name, org] of [['Anna', a.id], ['Bo', b.id]] as const) {
      const person = await leader.post('/api/people', { name, spaceId, affiliations: [{ organisationId: org, role: 'Ledamot' }], consent: { purpose: 'Arbetsgrupp', textVersion: '1', method: 'form' } });
      expect((await leader.post(`/api/groups/${group.body.id}/members`, { personId: person.body.id })).status).toBe(201);
    }
    expect((await networkEdges()).filter(pair(a.id, b.id))).toEqual([expect.objectContaining({ derivedFrom: { kind: 'working_group', id: group.body.id }, description: 'Arbetsgrupp: Styrgrupp' })]);
  });
});

describe('the public directory', () => {
  it('lists public alliances and initiatives only, filterable by goal, municipality, county and sector', async () => {
    const other = await buildSpace(t, { name: 'Annan arena', visibility: 'public', municipalityCodes: ['0180'], members: [] });
    const lead = await buildOrganisation(t, { name: 'Bygdeföreningen i Norrfjärden', sector: 'civil_society' });
    const partner = await buildOrganisation(t, { name: 'Akademiskt projekt', sector: 'academia' });
    const hidden = await alliance({ public: false, goals: [2] });
    const open = await alliance({ public: true, goals: [2], targets: [] });
    for (const { id } of [hidden, open]) await t.deps.db.insertInto('alliance_members').values({ alliance_id: id, organisation_id: lead.id, status: 'member', contact_person_id: null, joined_at: t.clock.now() }).execute();
    const make = async (allianceId: string, title: string, body: Record<string, unknown>) => {
      const answer = await leader.post(`/api/alliances/${allianceId}/initiatives`, { title, leadOrganisationId: lead.id, ...body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id as string;
    };
    const secret = await make(hidden.id, 'Hemligt initiativ', { goals: [2], municipalityCode: '2581' });
    const garden = await make(open.id, 'Odlingslotter i Norrfjärden', { targets: ['2.4'], municipalityCode: '2581', lon: 21.6, lat: 65.4 });
    const food = await make(open.id, 'Matsvinn i Luleå', { goals: [12], municipalityCode: '2580' });
    await leader.post(`/api/initiatives/${food}/partners`, { organisationId: partner.id });
    expect(other.id).toBeTruthy();

    const ids = async (query: string) => ((await t.client().get(`/api/initiatives${query}`)).body as { id: string }[]).map((i) => i.id);
    const all = await ids('');
    expect(all).toEqual(expect.arrayContaining([garden, food]));
    expect(all).not.toContain(secret);
    expect(await ids('?goal=2')).toEqual([garden]);
    expect(await ids('?municipality=2580')).toEqual([food]);
    expect(await ids('?county=25')).toEqual(expect.arrayContaining([garden, food]));
    expect(await ids('?county=25')).not.toContain(secret);
    expect(await ids('?county=01')).toEqual([]);
    expect(await ids('?sector=academia')).toEqual([food]);
    const directory = (await t.client().get('/api/initiatives?goal=2')).body[0];
    expect(directory).toMatchObject({ title: 'Odlingslotter i Norrfjärden', lon: 21.6, lat: 65.4, municipalityName: 'Piteå', allianceId: open.id });
    expect((await t.client().get('/api/initiatives?county=2')).status).toBe(400);

    const alliances = async (query: string) => ((await t.client().get(`/api/alliances${query}`)).body as { id: string }[]).map((a) => a.id);
    expect(await alliances('?goal=2')).toContain(open.id);
    expect(await alliances('?goal=2')).not.toContain(hidden.id);
    expect(await alliances('?county=25')).toContain(open.id);
    expect(await alliances('?county=01')).not.toContain(open.id);
    expect(await alliances('?sector=civil_society')).toContain(open.id);
    expect(await alliances('?sector=private')).not.toContain(open.id);
  });
});

describe('calls for volunteers', () => {
  it('take sign-ups without an account, confirmed and cancelled by e-mailed links; organisers see who, others see how many and the hours given', async () => {
    const { id: allianceId } = await alliance({ public: true });
    const lead = await buildOrganisation(t, { name: 'Röda Korset Luleå' });
    await t.deps.db.insertInto('alliance_members').values({ alliance_id: allianceId, organisation_id: lead.id, status: 'member', contact_person_id: null, joined_at: t.clock.now() }).execute();
    const initiative = (await leader.post(`/api/alliances/${allianceId}/initiatives`, { title: 'Läxhjälp för nyanlända', leadOrganisationId: lead.id })).body.id as string;
    const startsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
    const endsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000 + 3 * 3_600_000).toISOString();
    expect((await outsider.post(`/api/initiatives/${initiative}/volunteer-calls`, { title: 'Nej', startsAt, endsAt, wanted: 2 })).status).toBe(403);
    const call = await leader.post(`/api/initiatives/${initiative}/volunteer-calls`, { title: 'Läxhjälpare tisdagar', startsAt, endsAt, placeName: 'Stadsbiblioteket', wanted: 2 });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    const callId = call.body.id as string;

    const anonymous = t.client();
    const signup = await anonymous.post(`/api/volunteer-calls/${callId}/signups`, { name: 'Vera Volontär', email: 'Vera@Example.org' });
    expect(signup.status).toBe(201);
    expect(signup.body).toEqual({ status: 'pending', callTitle: 'Läxhjälpare tisdagar' });
    expect((await anonymous.post(`/api/volunteer-calls/${callId}/signups`, { name: 'Vera igen', email: 'vera@example.org' })).status).toBe(409);
    const [mail] = await t.outboxFor('vera@example.org');
    expect(mail!.text).toContain('Läxhjälp för nyanlända');
    const confirmToken = tokenFromMail(mail!.text);
    const cancelToken = /volunteer\/cancel#token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    // Pending sign-ups are not counted as volunteers.
    expect((await anonymous.get(`/api/initiatives/${initiative}/volunteer-calls`)).body[0]).toMatchObject({ wanted: 2, confirmed: 0, open: true });
    expect((await anonymous.post('/api/volunteer-signups/confirm', { token: confirmToken })).body).toEqual({ status: 'confirmed', callTitle: 'Läxhjälpare tisdagar' });
    expect((await anonymous.post('/api/volunteer-signups/confirm', { token: 'x'.repeat(43) })).status).toBe(400);

    t.clock.advance(60_000);
    await anonymous.post(`/api/volunteer-calls/${callId}/signups`, { name: 'Olle', email: 'olle@example.org', phone: '070-123 45 67' });
    // Two wanted, two signed up: the call is full.
    expect((await anonymous.post(`/api/volunteer-calls/${callId}/signups`, { name: 'Tredje', email: 'tredje@example.org' })).status).toBe(409);
    const olleMail = (await t.outboxFor('olle@example.org'))[0]!;
    await anonymous.post('/api/volunteer-signups/confirm', { token: tokenFromMail(olleMail.text) });

    // Who signed up: the organisers only; for others the list does not exist.
    expect((await outsider.get(`/api/volunteer-calls/${callId}/signups`)).status).toBe(404);
    const list = await leader.get(`/api/volunteer-calls/${callId}/signups`);
    expect(list.body.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ['Vera Volontär', 'confirmed'],
      ['Olle', 'confirmed'],
    ]);
    const [vera, olle] = list.body as { id: string }[];
    expect((await outsider.patch(`/api/volunteer-signups/${vera!.id}`, { hours: 3 })).status).toBe(404);
    expect((await leader.patch(`/api/volunteer-signups/${vera!.id}`, { hours: 3 })).body.hours).toBe(3);
    await leader.patch(`/api/volunteer-signups/${olle!.id}`, { hours: 2.5 });
    expect((await anonymous.get(`/api/initiatives/${initiative}/volunteer-calls`)).body[0]).toMatchObject({ confirmed: 2, hoursGiven: 5.5 });

    // Cancelled by the link: not counted, and the place is free again.
    expect((await anonymous.post('/api/volunteer-signups/cancel', { token: cancelToken })).body.status).toBe('cancelled');
    expect((await anonymous.get(`/api/initiatives/${initiative}/volunteer-calls`)).body[0]).toMatchObject({ confirmed: 1, hoursGiven: 2.5 });
    expect((await anonymous.post(`/api/volunteer-calls/${callId}/signups`, { name: 'Tredje', email: 'tredje@example.org' })).status).toBe(201);

    // The volunteer's data is in "download my data" for their address.
    const volunteer = await buildSignedInUser(t, { email: 'olle@example.org' });
    const exported = await volunteer.client.get('/api/me/data');
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('070-123 45 67');
  });
});
