import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../platform/actor.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { seedDemo } from '../../../demo/seed.ts';
import { FORM_WINDOW_MS, MAX_ANONYMOUS_INPUTS } from './input-throttle.ts';
import { createInputs, listServiceNeeds } from './input.service.ts';

let t: TestApp;
let dataDir: string;
let lead: { client: Client; id: string; email: string };
let member: { client: Client; id: string };
let outsider: { client: Client; id: string };
let spaceId: string;
let privateSpaceId: string;
let localityId: string;

const ALVDALEN = '2039';
const LUDVIKA = '2085';

beforeAll(async () => {
  // The demo stores files (library material, event and initiative documents) under DATA_DIR/uploads.
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-demo-'));
  t = await createTestApp({ config: { dataDir } });
  // The demo first (it only fills an empty database); the tests below use spaces of their own.
  expect((await seedDemo(t.deps, { password: 'demo-password-123' })).seeded).toBe(true);
  lead = await t.user({ name: 'Processledare Älvdalen' });
  member = await t.user({ name: 'Medlem' });
  outsider = await t.user({ name: 'Utomstående' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i samverkan (test)', kind: 'project', visibility: 'public', municipalityCodes: [ALVDALEN, LUDVIKA] })).body.id;
  privateSpaceId = (await lead.client.post('/api/spaces', { name: 'Sluten arena', kind: 'project', visibility: 'members', municipalityCodes: [ALVDALEN] })).body.id;
  const now = t.clock.now();
  // The demo's service plan already places Särna; the tests use that locality when it is there.
  localityId =
    (await t.deps.db.selectFrom('localities').select('id').where('name', '=', 'Särna').where('municipality_code', '=', ALVDALEN).executeTakeFirst())?.id ??
    (
      await t.deps.db
        .insertInto('localities')
        .values({ name: 'Särna', municipality_code: ALVDALEN, lon: 13.14, lat: 61.69, population: 600, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: now }).execute();
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const parcelNeed = {
  text: 'Vi i Särna behöver ett paketombud igen – i dag är det 7 mil till närmaste.',
  kind: 'need',
  theme: 'service',
  serviceType: 'post',
  localityId: '',
  goals: [11, 9],
  submitterSector: 'resident',
  submitterAgeGroup: '65_plus',
};

async function submit(client: Client, body: Record<string, unknown>, space = spaceId) {
  return client.post(`/api/spaces/${space}/inputs`, body);
}

describe('creating inputs', () => {
  it('takes the public form without an account, places it, starts the timeline and sends a receipt', async () => {
    const answer = await submit(t.client(), { ...parcelNeed, localityId, submitterEmail: 'Boende.Sarna@Example.org' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const input = answer.body;
    expect(input).toMatchObject({ kind: 'need', theme: 'service', serviceType: 'post', source: 'form', status: 'received', municipalityCode: ALVDALEN, localityName: 'Särna', goals: [9, 11] });
    const sarna = await t.deps.db.selectFrom('localities').select(['lon', 'lat']).where('id', '=', localityId).executeTakeFirstOrThrow();
    expect(input.point).toEqual({ lon: sarna.lon, lat: sarna.lat });
    expect(input.point.lon).toBeCloseTo(13.13, 1);
    expect(input.number).toBeGreaterThan(0);
    expect(input.timeline).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'received' })]);
    const mail = await t.outboxFor('boende.sarna@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(`nr ${input.number}`);
    expect(mail[0]!.text).toContain(`/spaces/${spaceId}/inputs/${input.id}`);
  });

  it('finds the municipality of a point picked on the map', async () => {
    // Idre lies in Älvdalen, Ludvika town in Ludvika.
    const idre = await submit(t.client(), { text: 'Laddstolpe vid affären i Idre', kind: 'idea', theme: 'transport', point: { lon: 12.72, lat: 61.86 } });
    expect(idre.status, JSON.stringify(idre.body)).toBe(201);
    expect(idre.body.municipalityCode).toBe(ALVDALEN);
    const ludvika = await submit(t.client(), { text: 'Fler bänkar längs ån', kind: 'idea', theme: 'culture_leisure', point: { lon: 15.19, lat: 60.15 } });
    expect(ludvika.body.municipalityCode).toBe(LUDVIKA);
  });

  it('records a facilitator entering paper or phone input on someone’s behalf, with who entered it', async () => {
    const answer = await submit(lead.client, { text: 'Telefonsamtal: bussen till Älvdalen går för sällan för gymnasieelever.', kind: 'need', theme: 'transport', source: 'facilitator', channel: 'phone', municipalityCode: ALVDALEN, submitterAgeGroup: '16_25' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ source: 'facilitator', channel: 'phone', enteredByName: 'Processledare Älvdalen' });
    const asPublic = await t.client().get(`/api/inputs/${answer.body.id}`);
    expect(asPublic.body.source).toBe('facilitator');
    expect(asPublic.body.enteredByName).toBeUndefined();
  });

  it('refuses entering on behalf for anyone but the space’s leaders', async () => {
    const body = { text: 'Papperslapp från byamötet', kind: 'idea', source: 'facilitator', channel: 'paper' };
    expect((await submit(t.client(), body)).status).toBe(401);
    expect((await submit(member.client, body)).status).toBe(403);
    const noChannel = await submit(lead.client, { text: 'Papperslapp', kind: 'idea', source: 'facilitator' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.error.fields.channel).toBe('Ange hur inspelet kom in (papper, telefon, möte …).');
  });

  it('takes inputs from a workshop board through the service, once per note', async () => {
    const ctx = { actor: anonymous, requestId: 'board-close', clock: t.clock };
    const items = [
      { text: 'Ungdomsgård i byn', source: 'board' as const, sourceRef: 'note-1', submitterAgeGroup: '16_25' as const },
      { text: 'Samåkning till stan', source: 'board' as const, sourceRef: 'note-2', kind: 'need' as const, theme: 'transport' as const },
    ];
    const first = await t.deps.db.transaction().execute((trx) => createInputs(trx, ctx, spaceId, items));
    expect(first.map((r) => r.created)).toEqual([true, true]);
    expect(first[1]!.number).toBe(first[0]!.number + 1);
    const again = await t.deps.db.transaction().execute((trx) => createInputs(trx, ctx, spaceId, items));
    expect(again).toEqual(first.map((r) => ({ ...r, created: false })));
    const board = await t.client().get(`/api/spaces/${spaceId}/inputs?source=board`);
    expect(board.body.items.map((i: { text: string }) => i.text).sort()).toEqual(['Samåkning till stan', 'Ungdomsgård i byn']);
    expect(board.body.items.find((i: { text: string }) => i.text === 'Ungdomsgård i byn')).toMatchObject({ kind: 'idea', theme: null, status: 'received' });
  });

  it('rolls the whole board back when one note is bad, and says which', async () => {
    const ctx = { actor: anonymous, requestId: 'board-close', clock: t.clock };
    const before = (await t.client().get(`/api/spaces/${spaceId}/inputs`)).body.total;
    await expect(
      t.deps.db.transaction().execute((trx) => createInputs(trx, ctx, spaceId, [{ text: 'Bra', source: 'board' }, { text: '', source: 'board' }])),
    ).rejects.toMatchObject({ code: 'invalid', fields: { 'items.1.text': 'validation.required' } });
    expect((await t.client().get(`/api/spaces/${spaceId}/inputs`)).body.total).toBe(before);
  });

  it('refuses bad input with every problem in Swedish, and stores nothing', async () => {
    const before = (await t.client().get(`/api/spaces/${spaceId}/inputs`)).body.total;
    const bad = await submit(t.client(), { text: 'x', kind: 'wish', goals: [18], point: { lon: 40, lat: 61 }, submitterEmail: 'inte-en-adress' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({
      text: 'Måste vara minst 3 tecken.',
      kind: expect.stringContaining('Välj ett av'),
      'goals.0': 'Får vara högst 17.',
      'point.lon': 'Longituden ska ligga mellan 10 och 25 (Sverige).',
      submitterEmail: 'Ange en giltig e-postadress.',
    });
    const noService = await submit(t.client(), { text: 'Vi behöver service', kind: 'need', theme: 'service' });
    expect(noService.body.error.fields.serviceType).toBe('Välj vilken service behovet gäller.');
    const elsewhere = await submit(t.client(), { text: 'Ett behov i Kiruna', kind: 'need', municipalityCode: '2584' });
    expect(elsewhere.body.error.fields.municipalityCode).toBe('Platsen ligger inte i någon av arenans kommuner.');
    const english = await t.client({ language: 'en' }).post(`/api/spaces/${spaceId}/inputs`, { text: 'Vi behöver service', kind: 'need', theme: 'service' });
    expect(english.body.error.fields.serviceType).toBe('Choose which service the need is about.');
    expect((await t.client().get(`/api/spaces/${spaceId}/inputs`)).body.total).toBe(before);
  });

  it('hides a members-only space’s inputs from outsiders (404) and lets members raise them', async () => {
    expect((await submit(t.client(), { text: 'Hej hej', kind: 'idea' }, privateSpaceId)).status).toBe(404);
    expect((await submit(outsider.client, { text: 'Hej hej', kind: 'idea' }, privateSpaceId)).status).toBe(404);
    const own = await submit(lead.client, { text: 'Internt förslag', kind: 'idea' }, privateSpaceId);
    expect(own.status).toBe(201);
    expect((await t.client().get(`/api/inputs/${own.body.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/spaces/${privateSpaceId}/inputs`)).status).toBe(404);
  });
});

describe('at once', () => {
  it('numbers inputs sent at the same moment one after another, losing none', async () => {
    const busy = (await lead.client.post('/api/spaces', { name: 'Bystämma samtidigt', kind: 'project', visibility: 'public', municipalityCodes: [ALVDALEN] })).body.id;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i % 2 ? member.client : t.client(), { text: `Samtidigt inspel ${i}`, kind: 'idea' }, busy)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(answers.map((a) => a.body.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await t.client().get(`/api/spaces/${busy}/inputs`)).body.total).toBe(20);
  });
});

describe('flood protection', () => {
  it('lets one address send a limited number of anonymous inputs to a space, then answers 429 until the window passes', async () => {
    const floodSpace = (await lead.client.post('/api/spaces', { name: 'Flödesarena', kind: 'project', visibility: 'public', municipalityCodes: [ALVDALEN] })).body.id;
    for (let i = 0; i < MAX_ANONYMOUS_INPUTS; i++) expect((await submit(t.client(), { text: `Inspel ${i}`, kind: 'idea' }, floodSpace)).status).toBe(201);
    const refused = await submit(t.client(), { text: 'Ett till', kind: 'idea' }, floodSpace);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body.error.message).toMatch(/^För många försök/);
    // Signed-in people and other spaces are not affected.
    expect((await submit(member.client, { text: 'Medlemmens inspel', kind: 'idea' }, floodSpace)).status).toBe(201);
    expect((await submit(t.client(), { text: 'Annan arena', kind: 'idea' }, spaceId)).status).toBe(201);
    t.clock.advance(FORM_WINDOW_MS + 1000);
    expect((await submit(t.client(), { text: 'Efter en stund', kind: 'idea' }, floodSpace)).status).toBe(201);
  });
});

describe('event link', () => {
  it('links inputs to an event of the same space, from a facilitator or a board, and filters by it', async () => {
    const event = await lead.client.post(`/api/spaces/${spaceId}/events`, {
      kind: 'village_forum',
      title: 'Bystämma i Särna',
      description: 'Vad behöver byn?',
      startsAt: '2026-03-12T17:00:00+01:00',
      endsAt: '2026-03-12T19:00:00+01:00',
      capacity: 40,
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const entered = await submit(lead.client, { text: 'Från bystämman: fler platser på förskolan', kind: 'need', theme: 'school_education', source: 'facilitator', channel: 'meeting', eventId: event.body.id });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body).toMatchObject({ eventId: event.body.id, eventTitle: 'Bystämma i Särna' });
    await t.deps.db.transaction().execute((trx) =>
      createInputs(trx, { actor: anonymous, requestId: null, clock: t.clock }, spaceId, [{ text: 'Lapp från tavlan: skidspår', source: 'board', eventId: event.body.id, sourceRef: 'ev-note-1' }]),
    );
    const linked = await t.client().get(`/api/spaces/${spaceId}/inputs?event=${event.body.id}`);
    expect(linked.body.items.map((i: { text: string }) => i.text).sort()).toEqual(['Från bystämman: fler platser på förskolan', 'Lapp från tavlan: skidspår']);
    const otherEvent = await lead.client.post(`/api/spaces/${privateSpaceId}/events`, { kind: 'workshop', title: 'Annan', description: '', startsAt: '2026-04-01T10:00:00Z', endsAt: '2026-04-01T12:00:00Z', capacity: 10 });
    expect(otherEvent.status).toBe(201);
    const wrong = await submit(lead.client, { text: 'Fel aktivitet', kind: 'idea', source: 'facilitator', channel: 'meeting', eventId: otherEvent.body.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.eventId).toBe('Aktiviteten finns inte i den här arenan.');
    expect((await submit(t.client(), { text: 'Anonym med aktivitet', kind: 'idea', eventId: event.body.id })).status).toBe(400);
  });
});

describe('status', () => {
  async function fresh(extra: Record<string, unknown> = {}) {
    const answer = await submit(t.client(), { text: 'Bankomat i byn behövs', kind: 'need', theme: 'service', serviceType: 'payment', municipalityCode: ALVDALEN, ...extra });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; number: number };
  }

  let planId: string | undefined;
  /** A measure of the test space's action plan, for an input to point at. */
  async function measureInSpace(title: string): Promise<string> {
    planId ??= (await lead.client.post(`/api/spaces/${spaceId}/action-plans`, { title: 'Handlingsplan Älvdalen' })).body.id;
    const answer = await lead.client.post(`/api/action-plans/${planId}/measures`, { title });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id;
  }

  it('goes received → being assessed → planned → done, each change public with date and reason', async () => {
    const input = await fresh();
    t.clock.advance(60_000);
    const assessing = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed', reason: 'Tas upp i arbetsgruppen 12 mars' });
    expect(assessing.status, JSON.stringify(assessing.body)).toBe(200);
    t.clock.advance(60_000);
    const measureId = await measureInSpace('Kontantuttag i Särna');
    const planned = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'planned', reason: 'Ingår i serviceplanen', measureId });
    expect(planned.status).toBe(200);
    expect(planned.body.plannedRef).toEqual({ id: measureId, label: 'Handlingsplan Älvdalen: Kontantuttag i Särna' });
    t.clock.advance(60_000);
    const done = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'done', reason: 'Uttagsautomat i butiken sedan 1 maj' });
    expect(done.body.status).toBe('done');
    expect(done.body.plannedRef?.id).toBe(measureId);
    expect(done.body.measureId).toBe(measureId);
    const publicView = await t.client().get(`/api/inputs/${input.id}`);
    expect(publicView.body.timeline.map((c: { toStatus: string; reason: string }) => [c.toStatus, c.reason])).toEqual([
      ['received', ''],
      ['being_assessed', 'Tas upp i arbetsgruppen 12 mars'],
      ['planned', 'Ingår i serviceplanen'],
      ['done', 'Uttagsautomat i butiken sedan 1 maj'],
    ]);
    const times = publicView.body.timeline.map((c: { at: string }) => Date.parse(c.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(4);
  });

  it('refuses declining without a reason, in Swedish, and changes nothing', async () => {
    const input = await fresh({ submitterEmail: 'neka@example.org' });
    const mailsBefore = (await t.outboxFor('neka@example.org')).length;
    const refused = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'declined' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.reason).toBe('Ange ett skäl när ett inspel avslås. Skälet visas öppet för den som lämnade det.');
    const blank = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'declined', reason: '   ' });
    expect(blank.status).toBe(400);
    const after = await t.client().get(`/api/inputs/${input.id}`);
    expect(after.body.status).toBe('received');
    expect(after.body.timeline).toHaveLength(1);
    expect(await t.outboxFor('neka@example.org')).toHaveLength(mailsBefore);
    const declined = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'declined', reason: 'Det finns redan en bankomat i Särna centrum.' });
    expect(declined.status).toBe(200);
    expect(declined.body.timeline.at(-1)).toMatchObject({ fromStatus: 'received', toStatus: 'declined', reason: 'Det finns redan en bankomat i Särna centrum.' });
  });

  it('needs a measure when planned and refuses transitions that skip the rules', async () => {
    const input = await fresh();
    const noRef = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'planned' });
    expect(noRef.body.error.fields.measureId).toBe('Välj den åtgärd i en handlingsplan som svarar mot inspelet.');
    const back = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'received' });
    expect(back.status).toBe(400);
    expect((await lead.client.patch(`/api/inputs/${input.id}`, { status: 'done', reason: 'Klart' })).status).toBe(200);
    const fromDone = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'planned', measureId: await measureInSpace('Något') });
    expect(fromDone.status).toBe(400);
    expect(fromDone.body.error.fields.status).toBe('Inspelet kan inte få den statusen från sin nuvarande status.');
    const reopened = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed', reason: 'Öppnas igen efter nya uppgifter' });
    expect(reopened.body.status).toBe('being_assessed');
  });

  it('tells the submitter of every change by e-mail and erases the address once closed', async () => {
    const input = await fresh({ submitterEmail: 'foljer@example.org', submitterLanguage: 'en' });
    await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed', reason: 'On the agenda' });
    await lead.client.patch(`/api/inputs/${input.id}`, { status: 'declined', reason: 'The bank will not place one here.' });
    const mails = await t.outboxFor('foljer@example.org');
    expect(mails).toHaveLength(3);
    const assessed = mails.find((m) => m.subject.includes('Being assessed'));
    const declined = mails.find((m) => m.subject.includes('Declined'));
    expect(assessed!.subject).toBe(`Your input no. ${input.number}: Being assessed`);
    expect(declined!.text).toContain('Reason: The bank will not place one here.');
    expect(declined!.text).toContain('erased your e-mail address');
    const stored = await t.deps.db.selectFrom('inputs').select('submitter_email').where('id', '=', input.id).executeTakeFirstOrThrow();
    expect(stored.submitter_email).toBeNull();
    const reopened = await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed', reason: 'Ny bedömning' });
    expect(reopened.status).toBe(200);
    expect(await t.outboxFor('foljer@example.org')).toHaveLength(3);
  });

  it('lets only leaders change an input', async () => {
    const input = await fresh();
    expect((await member.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed' })).status).toBe(403);
    expect((await outsider.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed' })).status).toBe(403);
    expect((await t.client().patch(`/api/inputs/${input.id}`, { status: 'being_assessed' })).status).toBe(401);
    expect((await t.client().get(`/api/inputs/${input.id}`)).body.status).toBe('received');
  });

  it('lets leaders classify and hide an input; hidden inputs leave the public list', async () => {
    const input = await submit(t.client(), { text: 'Min granne Sven Svensson på Storgatan 3 borde flytta', kind: 'idea' });
    const classified = await lead.client.patch(`/api/inputs/${input.body.id}`, { theme: 'safety', goals: [16] });
    expect(classified.body).toMatchObject({ theme: 'safety', goals: [16] });
    expect((await lead.client.patch(`/api/inputs/${input.body.id}`, { hidden: true })).body.error.fields.reason).toBe('Ange varför inspelet döljs.');
    expect((await lead.client.patch(`/api/inputs/${input.body.id}`, { hidden: true, reason: 'Personuppgifter om en tredje person' })).body.hidden).toBe(true);
    expect((await t.client().get(`/api/inputs/${input.body.id}`)).status).toBe(404);
    const publicList = await t.client().get(`/api/spaces/${spaceId}/inputs?limit=1000`);
    expect(publicList.body.items.some((i: { id: string }) => i.id === input.body.id)).toBe(false);
    const leadList = await lead.client.get(`/api/spaces/${spaceId}/inputs?includeHidden=true&limit=1000`);
    expect(leadList.body.items.some((i: { id: string }) => i.id === input.body.id)).toBe(true);
    const publicAsked = await t.client().get(`/api/spaces/${spaceId}/inputs?includeHidden=true&limit=1000`);
    expect(publicAsked.body.items.some((i: { id: string }) => i.id === input.body.id)).toBe(false);
  });
});

describe('classification', () => {
  it('clears the service type when the theme leaves Service, and refuses empty or unknown changes', async () => {
    const created = await submit(t.client(), { text: 'Apoteksombud i byn', kind: 'need', theme: 'service', serviceType: 'pharmacy', municipalityCode: ALVDALEN });
    const moved = await lead.client.patch(`/api/inputs/${created.body.id}`, { theme: 'health_care' });
    expect(moved.body).toMatchObject({ theme: 'health_care', serviceType: null });
    const backWithout = await lead.client.patch(`/api/inputs/${created.body.id}`, { theme: 'service' });
    expect(backWithout.body.error.fields.serviceType).toBe('Välj vilken service behovet gäller.');
    expect((await lead.client.patch(`/api/inputs/${created.body.id}`, { theme: 'service', serviceType: 'pharmacy', point: { lon: 12.72, lat: 61.86 } })).body).toMatchObject({
      serviceType: 'pharmacy',
      municipalityCode: ALVDALEN,
      point: { lon: 12.72, lat: 61.86 },
    });
    expect((await lead.client.patch(`/api/inputs/${created.body.id}`, {})).status).toBe(400);
    const unknown = await lead.client.patch(`/api/inputs/${created.body.id}`, { submitterEmail: 'x@example.org' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.submitterEmail).toBe('Fältet submitterEmail är inte tillåtet här.');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/spaces/{id}/inputs'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/inputs/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
  });
});

describe('lists, filters and exports', () => {
  let filterSpace: string;
  beforeAll(async () => {
    filterSpace = (await lead.client.post('/api/spaces', { name: 'Filterarena', kind: 'municipal', visibility: 'public', municipalityCodes: [ALVDALEN, LUDVIKA] })).body.id;
    const rows = [
      { text: 'Apotek i Idre', kind: 'need', theme: 'service', serviceType: 'pharmacy', municipalityCode: ALVDALEN, goals: [3] },
      { text: 'Drivmedel i Särna', kind: 'need', theme: 'service', serviceType: 'fuel', municipalityCode: ALVDALEN, goals: [7, 11] },
      { text: 'Cykelväg till skolan', kind: 'idea', theme: 'transport', municipalityCode: LUDVIKA, goals: [11] },
      { text: 'Paketskåp i Grängesberg', kind: 'need', theme: 'service', serviceType: 'post', municipalityCode: LUDVIKA },
    ];
    for (const row of rows) expect((await submit(t.client(), row, filterSpace)).status).toBe(201);
    expect((await submit(lead.client, { text: 'Från möte: fiber till Evertsberg', kind: 'need', theme: 'digital', source: 'facilitator', channel: 'meeting', municipalityCode: ALVDALEN }, filterSpace)).status).toBe(201);
    const list = await t.client().get(`/api/spaces/${filterSpace}/inputs`);
    const apotek = list.body.items.find((i: { text: string }) => i.text === 'Apotek i Idre');
    await lead.client.patch(`/api/inputs/${apotek.id}`, { status: 'being_assessed', reason: 'Dialog med Apoteket' });
  });
  const texts = async (query: string) => ((await t.client().get(`/api/spaces/${filterSpace}/inputs?${query}`)).body.items as { text: string }[]).map((i) => i.text).sort();

  it('filters by status, kind, theme, service type, municipality, goal and source', async () => {
    expect(await texts('status=being_assessed')).toEqual(['Apotek i Idre']);
    expect(await texts('status=received,being_assessed&kind=idea')).toEqual(['Cykelväg till skolan']);
    expect(await texts('theme=service&municipality=2085')).toEqual(['Paketskåp i Grängesberg']);
    expect(await texts('serviceType=fuel')).toEqual(['Drivmedel i Särna']);
    expect(await texts('goal=11')).toEqual(['Cykelväg till skolan', 'Drivmedel i Särna']);
    expect(await texts('source=facilitator')).toEqual(['Från möte: fiber till Evertsberg']);
    expect(await texts('q=särna')).toEqual(['Drivmedel i Särna']);
    const page = await t.client().get(`/api/spaces/${filterSpace}/inputs?theme=service`);
    expect(page.body.total).toBe(3);
    expect(page.body.byStatus).toEqual({ received: 2, being_assessed: 1 });
    expect((await t.client().get(`/api/spaces/${filterSpace}/inputs?goal=18`)).status).toBe(400);
    expect((await t.client().get(`/api/spaces/${filterSpace}/inputs?status=open`)).status).toBe(400);
  });

  it('exports the filtered list as CSV and GeoJSON', async () => {
    const csv = await t.client().get(`/api/spaces/${filterSpace}/inputs/export?format=csv&theme=service`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('inspel.csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('number,created_at,status,status_changed_at,kind,theme,service_type,text,municipality_code,municipality,locality,lon,lat,goals,source,channel,event_id,submitter_sector,submitter_age_group,planned_ref_id,planned_ref,id');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('Drivmedel'))).toContain(',need,service,fuel,Drivmedel i Särna,2039,Älvdalen,');
    expect(lines.find((l) => l.includes('Drivmedel'))).toContain(',7;11,form,');
    const geo = await t.client().get(`/api/spaces/${spaceId}/inputs/export?format=geojson`);
    const parsed = geo.body;
    expect(geo.headers['content-type']).toContain('application/geo+json');
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features.length).toBeGreaterThan(0);
    expect(parsed.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
  });

  it('counts the inputs by status, kind, theme, source, sector, age group, municipality and goal', async () => {
    const all = await t.client().get(`/api/spaces/${filterSpace}/inputs/summary`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      total: 5,
      byStatus: { received: 4, being_assessed: 1 },
      byKind: { need: 4, idea: 1 },
      byTheme: { service: 3, transport: 1, digital: 1 },
      byServiceType: { pharmacy: 1, fuel: 1, post: 1, none: 2 },
      bySource: { form: 4, facilitator: 1 },
      byMunicipality: { [ALVDALEN]: 3, [LUDVIKA]: 2 },
      byGoal: { '3': 1, '7': 1, '11': 2 },
    });
    const needs = await t.client().get(`/api/spaces/${filterSpace}/inputs/summary?kind=need&municipality=${ALVDALEN}`);
    expect(needs.body.total).toBe(3);
    expect(needs.body.byTheme).toEqual({ service: 2, digital: 1 });
  });

  it('lists the service needs of one municipality for a service plan', async () => {
    const needs = await listServiceNeeds(t.deps.db, filterSpace, ALVDALEN);
    expect(needs.map((n) => [n.text, n.serviceType, n.status]).sort()).toEqual([
      ['Apotek i Idre', 'pharmacy', 'being_assessed'],
      ['Drivmedel i Särna', 'fuel', 'received'],
    ]);
  });
});

describe('privacy', () => {
  it('never answers with a submitter’s e-mail address, not even to leaders, and never logs it', async () => {
    const address = 'hemlig.boende@example.org';
    const created = await submit(t.client(), { text: 'Hemtjänsten hinner inte till byn', kind: 'need', theme: 'health_care', submitterEmail: address });
    expect(created.status).toBe(201);
    const answers = [
      created,
      await t.client().get(`/api/inputs/${created.body.id}`),
      await lead.client.get(`/api/inputs/${created.body.id}`),
      await lead.client.get(`/api/spaces/${spaceId}/inputs?limit=1000`),
      await lead.client.patch(`/api/inputs/${created.body.id}`, { status: 'being_assessed', reason: 'Vi frågar hemtjänsten' }),
      await lead.client.get(`/api/spaces/${spaceId}/inputs/export?format=csv`),
      await lead.client.get(`/api/spaces/${spaceId}/inputs/export?format=geojson`),
    ];
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain('hemlig.boende');
    expect((await lead.client.get(`/api/inputs/${created.body.id}`)).body.notifiesSubmitter).toBe(true);
    expect((await t.client().get(`/api/inputs/${created.body.id}`)).body.notifiesSubmitter).toBeUndefined();
    const audit = await t.deps.db.selectFrom('audit_log').select('details').where('resource_id', '=', created.body.id).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('hemlig.boende');
  });
});

describe('Agenda 2030 goals', () => {
  it('lists the 17 goals in Swedish and English', async () => {
    const goals = await t.client().get('/api/agenda2030/goals');
    expect(goals.body).toHaveLength(17);
    expect(goals.body[10]).toMatchObject({ number: 11, nameSv: 'Hållbara städer och samhällen', nameEn: 'Sustainable cities and communities' });
  });
});

describe('demo content', () => {
  it('seeds needs and ideas in all four demo spaces, some followed to their answer', async () => {
    const all = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const names = ['TALKO Lappland', 'Service i samverkan', 'SÖK Samverkan Norrbotten', 'Agenda 2030 – med civilsamhället som motor'];
    const spaces = names.map((name) => all.find((s) => s.name === name)!);
    for (const space of spaces) {
      const inputs = await t.client().get(`/api/spaces/${space.id}/inputs`);
      expect(inputs.body.total, space.name).toBeGreaterThanOrEqual(2);
    }
    const service = spaces[1]!;
    const idre = (await t.client().get(`/api/spaces/${service.id}/inputs?q=Idre`)).body.items[0];
    expect(idre).toMatchObject({ status: 'planned', serviceType: 'post', localityName: 'Idre', municipalityCode: '2039' });
    const detail = await t.client().get(`/api/inputs/${idre.id}`);
    expect(detail.body.timeline.map((c: { toStatus: string }) => c.toStatus)).toEqual(['received', 'being_assessed', 'planned']);
    const talko = spaces[0]!;
    const youth = (await t.client().get(`/api/spaces/${talko.id}/inputs?kind=idea`)).body.items as { submitterAgeGroup: string }[];
    expect(youth.some((i) => i.submitterAgeGroup === '16_25')).toBe(true);
    const grangarde = (await t.client().get(`/api/spaces/${service.id}/inputs?serviceType=fuel`)).body.items[0];
    expect(grangarde.municipalityCode).toBe('2085');
  });
});
