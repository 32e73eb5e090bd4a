import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  member = await t.user({ name: 'Medlem' });
  spaceId = (
    await lead.client.post('/api/spaces', {
      name: 'TALKO Lappland',
      kind: 'project',
      visibility: 'public',
      municipalityCodes: ['2422', '2421'],
    })
  ).body.id;
  await t.deps.db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: t.clock.now() })
    .execute();
});
afterAll(() => t.close());

let counter = 0;
async function organisation(sector: string) {
  counter++;
  const answer = await lead.client.post('/api/organisations', {
    name: `Organisation ${sector} ${counter} ${counter * 7919}`,
    sector,
    type: 'association',
    level: 'local',
    municipalityCode: '2422',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}
async function person(name: string, organisationId: string | null, extra: Record<string, unknown> = {}) {
  const answer = await lead.client.post('/api/people', {
    name,
    spaceId,
    affiliations: organisationId ? [{ organisationId, role: 'Ledamot' }] : [],
    consent: { purpose: 'Arbetsgrupp', textVersion: '1', method: 'form' },
    ...extra,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}

describe('working groups', () => {
  it('creates a group per municipality with the default 4 + 4 + 4 + 1 targets and shows what is missing', async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/groups`, {
      name: 'Lokal arbetsgrupp Sorsele',
      municipalityCode: '2422',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'local',
      municipalityName: 'Sorsele',
      targets: { public: 4, private: 4, civil_society: 4, youth: 1 },
      memberCount: 0,
      complete: false,
      members: [],
    });
    const groupId = created.body.id;
    const municipality = await organisation('public');
    const company = await organisation('private');
    const association = await organisation('civil_society');
    const anna = await person('Anna Kommun', municipality);
    const bertil = await person('Bertil Företag', company);
    const cia = await person('Cia Förening', association, { youthRepresentative: true, ageGroup: '16_25' });
    for (const p of [anna, bertil, cia])
      expect((await lead.client.post(`/api/groups/${groupId}/members`, { personId: p })).status).toBe(201);
    const group = (await lead.client.get(`/api/groups/${groupId}`)).body;
    expect(group.balance).toEqual([
      { key: 'public', target: 4, actual: 1, missing: 3 },
      { key: 'private', target: 4, actual: 1, missing: 3 },
      { key: 'civil_society', target: 4, actual: 1, missing: 3 },
      { key: 'academia', target: 0, actual: 0, missing: 0 },
      { key: 'youth', target: 1, actual: 1, missing: 0 },
    ]);
    expect(group.members.map((m: { name: string; sector: string }) => [m.name, m.sector])).toEqual([
      ['Anna Kommun', 'public'],
      ['Bertil Företag', 'private'],
      ['Cia Förening', 'civil_society'],
    ]);
    // Targets are editable; meeting them all makes the group complete.
    const edited = await lead.client.patch(`/api/groups/${groupId}`, { targets: { public: 1, private: 1, civil_society: 1 } });
    expect(edited.body).toMatchObject({
      complete: true,
      targets: { public: 1, private: 1, civil_society: 1, academia: 0, youth: 1 },
      kind: 'local',
    });
    // Others who see the space see the organisations and the balance, not the people.
    const seen = (await member.client.get(`/api/groups/${groupId}`)).body;
    expect(seen.members).toBeNull();
    expect(seen.organisations).toHaveLength(3);
    expect((await t.client().get(`/api/spaces/${spaceId}/groups`)).body[0].members).toBeNull();
  });

  it("feeds the network: members' organisations collaborate through the group, and leaving removes the tie", async () => {
    const groupId = (await lead.client.post(`/api/spaces/${spaceId}/groups`, { name: 'Arbetsgrupp Arjeplog', municipalityCode: '2421' }))
      .body.id;
    const a = await organisation('public');
    const b = await organisation('private');
    const pa = await person('Person A', a);
    const pb = await person('Person B', b);
    await lead.client.post(`/api/groups/${groupId}/members`, { personId: pa });
    await lead.client.post(`/api/groups/${groupId}/members`, { personId: pb, role: 'Ordförande' });
    const network = (await t.client().get(`/api/spaces/${spaceId}/network?source=derived`)).body;
    const tie = network.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join() === [a, b].sort().join());
    expect(tie).toMatchObject({ type: 'network_membership', origin: 'derived' });
    expect(network.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([a, b]));
    expect((await lead.client.delete(`/api/groups/${groupId}/members/${pb}`)).status).toBe(204);
    const after = (await t.client().get(`/api/spaces/${spaceId}/network?source=derived`)).body;
    expect(after.edges.find((e: { id: string }) => e.id === tie.id)).toBeUndefined();
  });

  it('has a youth group kind aiming for young members', async () => {
    const youth = await lead.client.post(`/api/spaces/${spaceId}/groups`, {
      name: 'Ungdomsråd Sorsele',
      kind: 'youth',
      municipalityCode: '2422',
    });
    expect(youth.body).toMatchObject({ kind: 'youth', targets: { public: 0, private: 0, civil_society: 0, youth: 6 } });
  });

  it('refuses people outside the space, twice the same person, and non-leaders', async () => {
    const groupId = (await lead.client.post(`/api/spaces/${spaceId}/groups`, { name: 'Testgrupp' })).body.id;
    const other = (await lead.client.post('/api/spaces', { name: 'Annan arena', kind: 'project', visibility: 'members' })).body.id;
    const stranger = await lead.client.post('/api/people', {
      name: 'Främling',
      spaceId: other,
      consent: { purpose: 'Annat syfte', textVersion: '1', method: 'form' },
    });
    const outside = await lead.client.post(`/api/groups/${groupId}/members`, { personId: stranger.body.id });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.personId).toBe('Personen finns inte i arenan.');
    const p = await person('Dubbel', null);
    expect((await lead.client.post(`/api/groups/${groupId}/members`, { personId: p })).status).toBe(201);
    expect((await lead.client.post(`/api/groups/${groupId}/members`, { personId: p })).status).toBe(409);
    expect((await member.client.post(`/api/groups/${groupId}/members`, { personId: p })).status).toBe(403);
    expect((await member.client.post(`/api/spaces/${spaceId}/groups`, { name: 'Min grupp' })).status).toBe(403);
    const bad = await lead.client.post(`/api/spaces/${spaceId}/groups`, { name: 'X', kind: 'club', targets: { public: -1 } });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['kind', 'name', 'targets.public']);
  });
});
