import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../test/app.ts';
import { buildEvent, buildMembership, buildOrganisation, buildSignedInUser, buildSpace } from '../../test/factories.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let outsider: { client: Client; id: string };
let spaceId: string;
let hiddenSpaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  lead = await buildSignedInUser(t, { name: 'Processledare' });
  member = await buildSignedInUser(t, { name: 'Medlem' });
  outsider = await buildSignedInUser(t, { name: 'Utomstående' });
  spaceId = (await buildSpace(t, { municipalityCodes: ['2506'], members: [{ user: lead, role: 'facilitator' }, { user: member, role: 'member' }] })).id;
  hiddenSpaceId = (await buildSpace(t, { visibility: 'members', municipalityCodes: ['2422'], members: [{ user: lead, role: 'space_admin' }] })).id;
});
afterAll(() => t.close());

const item = (client: Client, body: object) => client.post('/api/library', { spaceId, visibility: 'public', kind: 'method', ...body });

describe('knowledge library', () => {
  it('keeps an item with its fields, answers its versions and refuses bad links and observers', async () => {
    const organisation = await buildOrganisation(t, { name: 'Hela Sverige ska leva Norrbotten' });
    const created = await item(member.client, {
      kind: 'template',
      title: 'Mall för serviceavtal',
      summary: 'En mall för avtal mellan kommun och ombud.',
      body: 'Avtalet reglerar ersättning och öppettider.',
      links: [{ title: 'Förebild', url: 'https://example.org/avtal' }],
      themes: ['service'],
      goals: [11],
      targets: ['11.a', '9.1'],
      sectors: ['public', 'private'],
      municipalityCode: '2506',
      organisationId: organisation.id,
      licence: 'CC BY 4.0',
      publishedOn: '2025-03-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ version: 1, targets: ['9.1', '11.a'], organisationName: organisation.name, publishedOn: '2025-03-01', licence: 'CC BY 4.0', spaceName: expect.any(String) });
    const edited = await member.client.patch(`/api/library/${created.body.id}`, { title: 'Mall för avtal med serviceombud' });
    expect(edited.body).toMatchObject({ version: 2, title: 'Mall för avtal med serviceombud', versions: [{ version: 2 }, { version: 1 }] });
    const first = await t.client().get(`/api/library/${created.body.id}/versions/1`);
    expect(first.body.content).toMatchObject({ title: 'Mall för serviceavtal', targets: ['9.1', '11.a'] });
    // A target's goal counts as the item's ("9.1" → 9), once per item (11 is named and "11.a"); an edit of the targets moves it.
    const byTargetGoal = await t.client().get('/api/library?goal=9');
    expect(byTargetGoal.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect(byTargetGoal.body.facets.goal).toEqual([{ value: '9', count: 1 }, { value: '11', count: 1 }]);
    await member.client.patch(`/api/library/${created.body.id}`, { targets: ['11.a'] });
    expect((await t.client().get('/api/library?goal=9')).body.total).toBe(0);
    expect((await t.client().get('/api/library?goal=11')).body.facets.goal).toEqual([{ value: '11', count: 1 }]);

    const bad = await item(member.client, { title: 'Farlig länk', links: [{ title: 'x', url: 'javascript:alert(1)' }], targets: ['11.z'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['links.0.url', 'targets.0']);
    const observer = await buildSignedInUser(t);
    await buildMembership(t, spaceId, observer, 'observer');
    expect((await item(observer.client, { title: 'Observatörens metod' })).status).toBe(403);
    expect((await observer.client.patch(`/api/library/${created.body.id}`, { title: 'Nej' })).status).toBe(403);
  });

  it('finds inflected Swedish forms, ranks a title hit above a body hit and highlights the hits', async () => {
    const inBody = await item(member.client, { title: 'Protokoll från höstmötet', body: 'Vid mötet berättade byarådet i Slussfors om hur de samlar in behov.' });
    const inTitle = await item(member.client, { title: 'Så startar ni ett byaråd', body: 'Steg för steg: kallelse, stadgar, första mötet.' });
    await item(member.client, { kind: 'good_example', title: 'Samlokaliserad service', body: 'Servicepunkterna i Vuollerim och Porjus delar lokal med biblioteket.', goals: [11] });

    const byarad = await t.client().get('/api/library?q=byaråd');
    expect(byarad.status).toBe(200);
    expect(byarad.body.items.map((i: { id: string }) => i.id)).toEqual([inTitle.body.id, inBody.body.id]);
    expect(byarad.body.total).toBe(2);
    expect(byarad.body.items[1].highlight).toContain('«byarådet»');

    const servicepunkt = await t.client().get('/api/library?q=servicepunkt');
    expect(servicepunkt.body.items.map((i: { title: string }) => i.title)).toEqual(['Samlokaliserad service']);
    expect(servicepunkt.body.items[0].highlight).toContain('«Servicepunkterna»');

    const facets = await t.client().get('/api/library?kind=good_example');
    expect(facets.body.items.every((i: { kind: string }) => i.kind === 'good_example')).toBe(true);
    expect(facets.body.facets.kind).toEqual([{ value: 'good_example', count: facets.body.total }]);
    const byGoal = await t.client().get('/api/library?goal=11');
    expect(byGoal.body.facets.goal.find((f: { value: string }) => f.value === '11').count).toBe(byGoal.body.total);
    expect(byGoal.body.facets.region).toContainEqual({ value: '25', count: expect.any(Number) });
  });

  it('never shows members-only items to others: not in search, not by id, not as event material (coverage: agenda2030.api.test.ts)', async () => {
    const secret = await lead.client.post('/api/library', { spaceId: hiddenSpaceId, visibility: 'members', kind: 'report', title: 'Hemlig rapport om byarådets ekonomi', goals: [11] });
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
    const privateInPublicSpace = await item(lead.client, { visibility: 'members', title: 'Medlemmarnas anteckningar om byarådet' });
    for (const client of [t.client(), outsider.client]) {
      const found = await client.get('/api/library?q=byaråd');
      expect(found.body.items.map((i: { title: string }) => i.title)).not.toContain('Hemlig rapport om byarådets ekonomi');
      expect(found.body.items.map((i: { title: string }) => i.title)).not.toContain('Medlemmarnas anteckningar om byarådet');
      expect((await client.get(`/api/library/${secret.body.id}`)).status).toBe(404);
      expect((await client.get(`/api/library/${privateInPublicSpace.body.id}`)).status).toBe(404);
      expect((await client.get(`/api/library/${secret.body.id}/versions/1`)).status).toBe(404);
      expect((await client.get(`/api/library?spaceId=${hiddenSpaceId}`)).body.total).toBe(0);
    }
    expect((await member.client.get(`/api/library/${privateInPublicSpace.body.id}`)).status).toBe(200);
    expect((await lead.client.get('/api/library?q=byaråd')).body.items.map((i: { title: string }) => i.title)).toContain('Hemlig rapport om byarådets ekonomi');

    // Linked to a public event: the event shows it only to those who may read it.
    const event = await buildEvent(t, spaceId, { public: true, title: 'Kunskapsdialog' });
    expect((await lead.client.post(`/api/events/${event.id}/library`, { itemId: privateInPublicSpace.body.id })).status).toBe(201);
    expect((await outsider.client.post(`/api/events/${event.id}/library`, { itemId: privateInPublicSpace.body.id })).status).toBe(403);
    expect((await t.client().get(`/api/events/${event.id}/library`)).body).toEqual([]);
    expect((await member.client.get(`/api/events/${event.id}/library`)).body.map((i: { id: string }) => i.id)).toEqual([privateInPublicSpace.body.id]);
  });

  it('links items from events and shows where they are used; files are checked by content', async () => {
    const method = await item(member.client, { title: 'Kunskapsdialog som metod', goals: [17] });
    const event = await buildEvent(t, spaceId, { public: true, title: 'Kunskapsdialog i Arjeplog' });
    const linked = await lead.client.post(`/api/events/${event.id}/library`, { itemId: method.body.id });
    expect(linked.status).toBe(201);
    expect((await lead.client.post(`/api/events/${event.id}/library`, { itemId: method.body.id })).body).toHaveLength(1);
    expect((await t.client().get(`/api/library/${method.body.id}`)).body.usedIn).toEqual([{ kind: 'event', id: event.id, title: 'Kunskapsdialog i Arjeplog' }]);

    // A measure and a joint initiative link it too; the item lists all three under "used in".
    const plan = await lead.client.post(`/api/spaces/${spaceId}/action-plans`, { title: 'Handlingsplan' });
    const measure = await lead.client.post(`/api/action-plans/${plan.body.id}/measures`, { title: 'Kunskapsdialoger i byarna' });
    expect(measure.status, JSON.stringify(measure.body)).toBe(201);
    expect((await outsider.client.post(`/api/measures/${measure.body.id}/library`, { itemId: method.body.id })).status).toBe(403);
    expect((await member.client.post(`/api/measures/${measure.body.id}/library`, { itemId: method.body.id })).status).toBe(403);
    const toMeasure = await lead.client.post(`/api/measures/${measure.body.id}/library`, { itemId: method.body.id });
    expect(toMeasure.status, JSON.stringify(toMeasure.body)).toBe(201);
    expect(toMeasure.body.map((i: { id: string }) => i.id)).toEqual([method.body.id]);
    expect((await lead.client.post(`/api/measures/${measure.body.id}/library`, { itemId: crypto.randomUUID() })).status).toBe(400);
    expect((await t.client().get(`/api/measures/${measure.body.id}/library`)).body.map((i: { id: string }) => i.id)).toEqual([method.body.id]);

    const org = await buildOrganisation(t, { name: 'Studiecirkeln', spaceId });
    const rep = await buildSignedInUser(t);
    await t.deps.db.insertInto('organisation_representatives').values({ organisation_id: org.id, user_id: rep.id, role: 'Ordförande', status: 'confirmed', requested_at: t.clock.now(), confirmed_at: t.clock.now(), confirmed_by: null }).execute();
    const alliance = await lead.client.post(`/api/spaces/${spaceId}/alliances`, { name: 'Kunskapsalliansen', purpose: 'Lära av varandra' });
    await lead.client.post(`/api/alliances/${alliance.body.id}/members`, { organisationId: org.id });
    await rep.client.post(`/api/alliances/${alliance.body.id}/members`, { organisationId: org.id });
    const initiative = await rep.client.post(`/api/alliances/${alliance.body.id}/initiatives`, { title: 'Studiecirklar om service', leadOrganisationId: org.id });
    expect(initiative.status, JSON.stringify(initiative.body)).toBe(201);
    expect((await member.client.post(`/api/initiatives/${initiative.body.id}/library`, { itemId: method.body.id })).status).toBe(403);
    expect((await rep.client.post(`/api/initiatives/${initiative.body.id}/library`, { itemId: method.body.id })).status).toBe(201);
    expect((await t.client().get(`/api/initiatives/${initiative.body.id}/library`)).body.map((i: { id: string }) => i.id)).toEqual([method.body.id]);

    const usedIn = (await t.client().get(`/api/library/${method.body.id}`)).body.usedIn as { kind: string; id: string; title: string }[];
    expect(usedIn).toHaveLength(3);
    expect(usedIn).toEqual(
      expect.arrayContaining([
        { kind: 'event', id: event.id, title: 'Kunskapsdialog i Arjeplog' },
        { kind: 'measure', id: measure.body.id, title: 'Kunskapsdialoger i byarna' },
        { kind: 'initiative', id: initiative.body.id, title: 'Studiecirklar om service' },
      ]),
    );

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const upload = multipartFile('metod.pdf', pdf);
    const stored = await member.client.request('POST', `/api/library/${method.body.id}/files`, upload.body, upload.headers);
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    const fake = multipartFile('metod.pdf', '<script>alert(1)</script>');
    expect((await member.client.request('POST', `/api/library/${method.body.id}/files`, fake.body, fake.headers)).status).toBe(415);
    const download = await t.client().get(`/api/library/${method.body.id}/files/${stored.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await t.client().get(`/api/library/${method.body.id}`)).body.files).toHaveLength(1);
  });
});
