import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { legendEntries } from '../../../test/svg-legend.ts';
import { MAX_ANONYMOUS_INPUTS } from '../../dialogues/input/input-throttle.ts';

let t: TestApp;
let lead: { client: Client; id: string; email: string };
let member: { client: Client; id: string; email: string };
let outsider: { client: Client; id: string; email: string };
let publicSpace: string;
let privateSpace: string;
let idre: string;
let sarna: string;
let sorsele: string;
let shopOrg: { id: string; name: string };

const day = (offset: number) => {
  const d = new Date(t.clock.now().getTime() + offset * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare Älvdalen' });
  member = await t.user({ name: 'Medlem' });
  outsider = await t.user({ name: 'Utomstående' });
  const admin = await t.user({ isAdmin: true });
  publicSpace = (await lead.client.post('/api/spaces', { name: 'Service i Älvdalen', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039'] })).body.id;
  privateSpace = (await lead.client.post('/api/spaces', { name: 'Intern serviceplanering', kind: 'municipal', visibility: 'members', municipalityCodes: ['2039'] })).body.id;
  // The member joins directly (the invitation flow has its own tests).
  await t.deps.db.insertInto('memberships').values({ space_id: publicSpace, user_id: member.id, role: 'member', created_at: t.clock.now() }).execute();
  const place = async (name: string, municipalityCode: string, lon: number, lat: number) => {
    const answer = await admin.client.post('/api/localities', { name, municipalityCode, lon, lat });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id as string;
  };
  idre = await place('Idre', '2039', 12.717, 61.857);
  sarna = await place('Särna', '2039', 13.134, 61.693);
  sorsele = await place('Sorsele', '2422', 17.534, 65.535);
  const org = await lead.client.post('/api/organisations', { name: 'Idre Handel AB', sector: 'private', type: 'company', level: 'local', municipalityCode: '2039' });
  expect(org.status).toBe(201);
  shopOrg = org.body;
}, 120_000);
afterAll(() => t.close());

/** A file download as bytes, with the client's session. */
async function download(client: Client, url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

async function newPlan(spaceId = publicSpace, title = 'Serviceplan för Älvdalens kommun') {
  const answer = await lead.client.post(`/api/spaces/${spaceId}/service-plans`, { title, municipalityCode: '2039', periodStart: 2026, periodEnd: '2029' });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; status: string; periodStart: string; periodEnd: string; allowedActions: string[] };
}

const measures = () => [
  { title: 'Servicepunkt i Särna', description: 'Paketutlämning och kontantuttag i butiken', localityId: sarna, organisationIds: [shopOrg.id], startDate: '2026-03-01', endDate: '2026-12-31', costSek: 250000, status: 'planned' },
  { title: 'Laddstolpar i Idre', localityId: idre, organisationIds: [], costSek: 80000, status: 'in_progress' },
];

describe('creating a plan', () => {
  it('answers 201 with an id; years become the period’s first and last day', async () => {
    const plan = await newPlan();
    expect(plan.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.status).toBe('draft');
    expect([plan.periodStart, plan.periodEnd]).toEqual(['2026-01-01', '2029-12-31']);
    const got = await lead.client.get(`/api/service-plans/${plan.id}`);
    expect(got.body.municipalityName).toBe('Älvdalen');
    expect(got.body.allowedActions).toEqual(expect.arrayContaining(['update', 'start_consultation']));
    expect(got.body.allowedActions).not.toContain('adopt');
    const list = await lead.client.get(`/api/spaces/${publicSpace}/service-plans`);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(plan.id);
  });

  it('refuses bad input with every problem in Swedish and creates nothing', async () => {
    const before = (await lead.client.get(`/api/spaces/${publicSpace}/service-plans`)).body.length;
    const bad = await lead.client.post(`/api/spaces/${publicSpace}/service-plans`, { title: '', municipalityCode: '20', periodStart: 'nästa år', periodEnd: 1999, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      title: 'Måste vara minst 2 tecken.',
      municipalityCode: 'Kommunkoden ska vara fyra siffror.',
      periodStart: 'Ange ett år (ÅÅÅÅ) eller ett datum (ÅÅÅÅ-MM-DD).',
      periodEnd: 'Året ska ligga mellan 2000 och 2100.',
      extra: 'Fältet extra är inte tillåtet här.',
    });
    const reversed = await lead.client.post(`/api/spaces/${publicSpace}/service-plans`, { title: 'Baklänges', municipalityCode: '2039', periodStart: '2029-01-01', periodEnd: '2026-12-31' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual({ periodEnd: 'Periodens slut kan inte vara före dess början.' });
    const elsewhere = await lead.client.post(`/api/spaces/${publicSpace}/service-plans`, { title: 'Sorsele', municipalityCode: '2422', periodStart: 2026, periodEnd: 2029 });
    expect(elsewhere.body.error.fields).toEqual({ municipalityCode: 'Kommunen hör inte till arenan.' });
    expect((await lead.client.get(`/api/spaces/${publicSpace}/service-plans`)).body.length).toBe(before);
  });

  it('lets only the space’s leaders start a plan; a members-only space does not exist for outsiders', async () => {
    const body = { title: 'Försök', municipalityCode: '2039', periodStart: 2026, periodEnd: 2027 };
    expect((await member.client.post(`/api/spaces/${publicSpace}/service-plans`, body)).status).toBe(403);
    expect((await outsider.client.post(`/api/spaces/${publicSpace}/service-plans`, body)).status).toBe(403);
    expect((await outsider.client.post(`/api/spaces/${privateSpace}/service-plans`, body)).status).toBe(404);
    expect((await t.client().post(`/api/spaces/${publicSpace}/service-plans`, body)).status).toBe(401);
  });
});

describe('editing the draft', () => {
  it('keeps service levels, goals and measures with names; refuses references it cannot keep', async () => {
    const plan = await newPlan();
    const goalId = '6a0b1a8e-3f4c-4c53-9d1c-3c1b9c5c2f10';
    const saved = await lead.client.patch(`/api/service-plans/${plan.id}`, {
      background: 'Älvdalen är en stor kommun med långa avstånd.\n\nPlanen bygger på dialoger i byarna.',
      links: [{ title: 'Regional serviceplan Dalarna', url: 'https://example.org/rsp' }],
      levels: [
        { localityId: idre, level: 'service_node', targetServices: ['groceries_full', 'fuel', 'pharmacy_agent', 'fuel'] },
        { localityId: sarna, level: 'service_point', targetServices: ['groceries_partial', 'parcel_pickup'] },
      ],
      goals: [{ id: goalId, text: 'Ingen ska ha mer än 30 minuter till dagligvaror', indicator: 'Andel invånare > 30 min' }],
      measures: measures().map((m, i) => (i === 0 ? { ...m, goalIds: [goalId] } : m)),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.content.levels.map((l: { localityName: string; targetServices: string[] }) => [l.localityName, l.targetServices])).toEqual([
      ['Idre', ['groceries_full', 'fuel', 'pharmacy_agent']],
      ['Särna', ['groceries_partial', 'parcel_pickup']],
    ]);
    const [first] = saved.body.content.measures;
    expect(first).toMatchObject({ title: 'Servicepunkt i Särna', localityName: 'Särna', organisationNames: ['Idre Handel AB'], costSek: 250000, goalIds: [goalId] });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    // Editing again with the same ids keeps them.
    const again = await lead.client.patch(`/api/service-plans/${plan.id}`, { measures: saved.body.content.measures.map((m: Record<string, unknown>) => ({ id: m.id, title: m.title, status: 'done' })) });
    expect(again.body.content.measures.map((m: { id: string }) => m.id)).toEqual(saved.body.content.measures.map((m: { id: string }) => m.id));

    const bad = await lead.client.patch(`/api/service-plans/${plan.id}`, {
      levels: [
        { localityId: sorsele, level: 'service_town' },
        { localityId: idre, level: 'service_node' },
        { localityId: idre, level: 'service_point' },
      ],
      measures: [{ title: 'Fel', organisationIds: ['00000000-0000-4000-8000-000000000000'], goalIds: ['00000000-0000-4000-8000-000000000001'], startDate: '2027-01-01', endDate: '2026-01-01' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      'levels.0.localityId': 'Orten ligger inte i planens kommun.',
      'levels.2.localityId': 'Orten har redan en servicenivå i planen.',
      'measures.0.organisationIds.0': 'Okänd organisation.',
      'measures.0.goalIds.0': 'Målet finns inte i planen.',
      'measures.0.endDate': 'Slutdatum kan inte vara före startdatum.',
    });
    const unchanged = await lead.client.get(`/api/service-plans/${plan.id}`);
    expect(unchanged.body.content.levels).toHaveLength(2);
    expect(unchanged.body.content.measures.map((m: { status: string }) => m.status)).toEqual(['done', 'done']);
  });

  it('saves one section at a time: a patch of one section leaves the others as they were', async () => {
    const plan = await newPlan();
    const full = await lead.client.patch(`/api/service-plans/${plan.id}`, {
      background: 'Bakgrund som ska stå kvar.',
      links: [{ title: 'Översiktsplan', url: null, note: 'Antagen 2024' }],
      levels: [{ localityId: idre, level: 'service_node', targetServices: ['fuel'] }],
      goals: [{ text: 'Mål som ska stå kvar', indicator: '' }],
      measures: measures(),
    });
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    // What the page's sections send: only the section's own fields.
    const goalsOnly = await lead.client.patch(`/api/service-plans/${plan.id}`, { goals: [...full.body.content.goals, { text: 'Ett nytt mål', indicator: 'Antal' }] });
    expect(goalsOnly.status).toBe(200);
    const backgroundOnly = await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'Ny bakgrund.', links: full.body.content.links });
    expect(backgroundOnly.status).toBe(200);
    const detailsOnly = await lead.client.patch(`/api/service-plans/${plan.id}`, { title: 'Nytt namn på planen', periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    expect(detailsOnly.status).toBe(200);
    const after = (await lead.client.get(`/api/service-plans/${plan.id}`)).body;
    expect(after.title).toBe('Nytt namn på planen');
    expect(after.content.background).toBe('Ny bakgrund.');
    expect(after.content.links).toEqual([{ title: 'Översiktsplan', url: null, note: 'Antagen 2024' }]);
    expect(after.content.goals.map((g: { text: string }) => g.text)).toEqual(['Mål som ska stå kvar', 'Ett nytt mål']);
    expect(after.content.levels).toEqual(full.body.content.levels);
    expect(after.content.measures).toEqual(full.body.content.measures);
  });

  it('lets members read the draft but not change it, and hides a draft from the public', async () => {
    const plan = await newPlan();
    expect((await member.client.get(`/api/service-plans/${plan.id}`)).status).toBe(200);
    expect((await member.client.patch(`/api/service-plans/${plan.id}`, { background: 'x' })).status).toBe(403);
    expect((await outsider.client.get(`/api/service-plans/${plan.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/service-plans/${plan.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/service-plans/${plan.id}/export.docx`)).status).toBe(404);
    const publicList = await t.client().get(`/api/spaces/${publicSpace}/service-plans`);
    expect(publicList.body.map((p: { id: string }) => p.id)).not.toContain(plan.id);
  });
});

describe('the needs raised', () => {
  it('lists the service needs of the plan’s municipality from the inputs, in the plan and its document', async () => {
    const plan = await newPlan(publicSpace, 'Plan med behov');
    const need = await t.client().post(`/api/spaces/${publicSpace}/inputs`, { text: 'Paketutlämning i Särna', kind: 'need', theme: 'service', serviceType: 'post', municipalityCode: '2039', localityId: sarna });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    const otherTheme = await t.client().post(`/api/spaces/${publicSpace}/inputs`, { text: 'Bättre busstider till Mora', kind: 'need', theme: 'transport', municipalityCode: '2039' });
    expect(otherTheme.status, JSON.stringify(otherTheme.body)).toBe(201);
    const idea = await t.client().post(`/api/spaces/${publicSpace}/inputs`, { text: 'En idé om en byfest', kind: 'idea', municipalityCode: '2039' });
    expect(idea.status).toBe(201);
    const got = await lead.client.get(`/api/service-plans/${plan.id}`);
    expect(got.body.needs).toEqual([{ id: need.body.id, title: 'Paketutlämning i Särna', localityName: 'Särna', status: 'received', raisedAt: expect.any(String) }]);
    const doc = await lead.client.get(`/api/service-plans/${plan.id}/document`);
    expect(doc.body.blocks).toContainEqual({ kind: 'list', items: ['Paketutlämning i Särna – Särna (mottaget)'] });
  });
});

describe('versions: draft → consultation → adopted', () => {
  it('follows the rules, keeps every version readable and moderates public comments', async () => {
    const plan = await newPlan(publicSpace, 'Serviceplan 2026–2029');
    await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'Samrådsversionen.', levels: [{ localityId: idre, level: 'service_node' }], measures: measures() });

    // Adoption needs a consultation first; a consultation cannot end in the past.
    const early = await lead.client.post(`/api/service-plans/${plan.id}/adopt`, { decisionBody: 'Kommunfullmäktige', decisionDate: day(0), minuteReference: '§ 12' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Planen måste ha varit ute på samråd innan den kan antas.');
    const past = await lead.client.post(`/api/service-plans/${plan.id}/consultation`, { endsOn: day(-1) });
    expect(past.body.error.fields).toEqual({ endsOn: 'Datumet har redan passerat.' });
    expect((await member.client.post(`/api/service-plans/${plan.id}/consultation`, { endsOn: day(14) })).status).toBe(403);

    const out = await lead.client.post(`/api/service-plans/${plan.id}/consultation`, { endsOn: day(14) });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ status: 'consultation', consultationOpen: true, latestVersion: 1, consultationEndsOn: day(14) });
    expect(out.body.allowedActions).toEqual(expect.arrayContaining(['adopt', 'revise', 'comment']));
    expect((await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'Ändrad under samrådet' })).status).toBe(409);
    expect((await lead.client.post(`/api/service-plans/${plan.id}/consultation`, { endsOn: day(20) })).status).toBe(409);

    // The public sees the consultation version and comments on it without an account.
    const anonymous = t.client();
    const seen = await anonymous.get(`/api/service-plans/${plan.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ shows: 'version', shownVersion: 1, allowedActions: ['view', 'export', 'comment'] });
    expect(seen.body.content.background).toBe('Samrådsversionen.');
    const comment = await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: 'Vi i Särna behöver ett paketombud nära.', authorName: 'Särna byalag', localityId: sarna });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    expect(comment.body).toMatchObject({ status: 'pending', versionNumber: 1, localityName: 'Särna' });
    expect((await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: 'Utan namn men med ort', localityId: sorsele })).body.error.fields).toEqual({ localityId: 'Orten ligger inte i planens kommun.' });
    expect((await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: 'x' })).status).toBe(400);
    // Not shown until a leader publishes it; the leader sees it waiting.
    expect((await anonymous.get(`/api/service-plans/${plan.id}/comments`)).body).toEqual([]);
    expect((await lead.client.get(`/api/service-plans/${plan.id}/comments`)).body.map((c: { status: string }) => c.status)).toEqual(['pending']);
    expect((await member.client.patch(`/api/service-plans/${plan.id}/comments/${comment.body.id}`, { status: 'published' })).status).toBe(403);
    const published = await lead.client.patch(`/api/service-plans/${plan.id}/comments/${comment.body.id}`, { status: 'published', response: 'Tas med som åtgärd.' });
    expect(published.body).toMatchObject({ status: 'published', response: 'Tas med som åtgärd.' });
    const publicComments = await anonymous.get(`/api/service-plans/${plan.id}/comments`);
    expect(publicComments.body.map((c: { body: string; createdAt: string }) => c.body)).toEqual(['Vi i Särna behöver ett paketombud nära.']);
    expect(publicComments.body[0].createdAt).toBeTruthy();

    // After the last day, comments are refused.
    t.clock.advance(15 * 86_400_000);
    // Sessions idle that long have ended: sign in again.
    for (const who of [lead, member, outsider]) who.client = await t.signIn(who.email);
    const late = await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: 'För sent inskickad synpunkt' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Samrådet är avslutat. Det går inte längre att lämna synpunkter.');

    // Revise after the consultation, then adopt; a decision before the consultation is refused.
    const revised = await lead.client.post(`/api/service-plans/${plan.id}/revise`);
    expect(revised.body.status).toBe('draft');
    await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'Den antagna versionen.' });
    // The public still sees the consultation version, not the new draft.
    expect((await anonymous.get(`/api/service-plans/${plan.id}`)).body.content.background).toBe('Samrådsversionen.');
    const beforeConsultation = await lead.client.post(`/api/service-plans/${plan.id}/adopt`, { decisionBody: 'Kommunfullmäktige', decisionDate: day(-30), minuteReference: '§ 12' });
    expect(beforeConsultation.body.error.fields).toEqual({ decisionDate: 'Beslutet kan inte vara före samrådet.' });
    const missing = await lead.client.post(`/api/service-plans/${plan.id}/adopt`, { decisionDate: day(0) });
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['decisionBody', 'minuteReference']);
    const adopted = await lead.client.post(`/api/service-plans/${plan.id}/adopt`, { decisionBody: 'Kommunfullmäktige', decisionDate: day(0), minuteReference: 'KF § 12/2026' });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', latestVersion: 2, adopted: { number: 2, decisionBody: 'Kommunfullmäktige', minuteReference: 'KF § 12/2026' } });
    expect((await lead.client.post(`/api/service-plans/${plan.id}/adopt`, { decisionBody: 'KF', decisionDate: day(0), minuteReference: '§ 13' })).status).toBe(409);
    expect((await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'x' })).status).toBe(409);

    const versions = await anonymous.get(`/api/service-plans/${plan.id}/versions`);
    expect(versions.body.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'consultation'],
      [2, 'adopted'],
    ]);
    expect((await anonymous.get(`/api/service-plans/${plan.id}/versions/1`)).body.content.background).toBe('Samrådsversionen.');
    expect((await anonymous.get(`/api/service-plans/${plan.id}/versions/2`)).body.content.background).toBe('Den antagna versionen.');
    expect((await anonymous.get(`/api/service-plans/${plan.id}/versions/3`)).status).toBe(404);
    // A frozen version as a document (print view, exports) keeps its own text and decision.
    const document1 = await anonymous.get(`/api/service-plans/${plan.id}/document?version=1`);
    expect(document1.body.blocks).toContainEqual({ kind: 'paragraph', text: 'Samrådsversionen.' });
    expect(document1.body.meta).toContainEqual(['Status', 'Ute på samråd']);
    const document2 = await anonymous.get(`/api/service-plans/${plan.id}/document?version=2`);
    expect(document2.body.blocks).toContainEqual({ kind: 'paragraph', text: 'Den antagna versionen.' });
    expect(document2.body.meta.find(([label]: [string]) => label === 'Beslut')[1]).toContain('Kommunfullmäktige');
    expect((await anonymous.get(`/api/service-plans/${plan.id}/export.pdf?version=9`)).status).toBe(404);

    // The next revision: a draft again; the adopted version stays the public one.
    await lead.client.post(`/api/service-plans/${plan.id}/revise`);
    await lead.client.patch(`/api/service-plans/${plan.id}`, { background: 'Nästa revidering.' });
    const publicView = await anonymous.get(`/api/service-plans/${plan.id}`);
    expect(publicView.body).toMatchObject({ shows: 'version', shownVersion: 2, adopted: { number: 2 } });
    expect(publicView.body.content.background).toBe('Den antagna versionen.');

    // Yearly follow-up refers to the adopted version's measures.
    const measureIds = publicView.body.content.measures.map((m: { id: string }) => m.id);
    const unknown = await lead.client.post(`/api/service-plans/${plan.id}/follow-ups`, { year: 2026, summary: 'Första året.', measures: [{ measureId: '00000000-0000-4000-8000-000000000000', status: 'done' }] });
    expect(unknown.body.error.fields).toEqual({ 'measures.0.measureId': 'Åtgärden finns inte i planen.' });
    const followUp = await lead.client.post(`/api/service-plans/${plan.id}/follow-ups`, { year: 2026, summary: 'Första året.', measures: [{ measureId: measureIds[0], status: 'done', note: 'Öppnade i oktober' }] });
    expect(followUp.status).toBe(201);
    expect(followUp.body.measures[0]).toMatchObject({ measureTitle: 'Servicepunkt i Särna', status: 'done' });
    expect((await lead.client.post(`/api/service-plans/${plan.id}/follow-ups`, { year: 2026, summary: 'Igen.' })).status).toBe(409);
    expect((await member.client.post(`/api/service-plans/${plan.id}/follow-ups`, { year: 2027, summary: 'Medlem.' })).status).toBe(403);

    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', plan.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'service_plan.create',
      'service_plan.update',
      'service_plan.consultation',
      'service_plan.comment',
      'service_plan.comment_published',
      'service_plan.revise',
      'service_plan.update',
      'service_plan.adopt',
      'service_plan.revise',
      'service_plan.update',
      'service_plan.follow_up',
    ]);
  });

  it('stops one address flooding a consultation without an account; signed-in people are not limited', async () => {
    const plan = await newPlan(publicSpace, 'Plan som får många synpunkter');
    await lead.client.post(`/api/service-plans/${plan.id}/consultation`, { endsOn: day(30) });
    const anonymous = t.client();
    for (let i = 0; i < MAX_ANONYMOUS_INPUTS; i++) expect((await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: `Synpunkt nummer ${i}` })).status).toBe(201);
    const flooded = await anonymous.post(`/api/service-plans/${plan.id}/comments`, { body: 'En till synpunkt' });
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers['retry-after'])).toBeGreaterThan(0);
    expect((await outsider.client.post(`/api/service-plans/${plan.id}/comments`, { body: 'Inloggad synpunkt' })).status).toBe(201);
    expect((await lead.client.get(`/api/service-plans/${plan.id}/comments`)).body).toHaveLength(MAX_ANONYMOUS_INPUTS + 1);
  });

  it('follow-up needs an adopted plan', async () => {
    const plan = await newPlan();
    const answer = await lead.client.post(`/api/service-plans/${plan.id}/follow-ups`, { year: 2026, summary: 'För tidigt.' });
    expect(answer.status).toBe(409);
  });
});

describe('exports', () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await newPlan(publicSpace, 'Serviceplan för export')).id;
    const wordy = {
      title: 'Samordnad varudistribution till lanthandlarna',
      description: 'Gemensam upphandling av varutransporter, paketutlämning och apoteksombudsleveranser till Särna, Idre och Älvdalens centralort',
      localityId: null,
      place: 'Särnaområdet och Idrefjällen',
      organisationIds: [shopOrg.id],
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      costSek: 1250000,
      status: 'planned',
    };
    const patched = await lead.client.patch(`/api/service-plans/${planId}`, {
      // As long as the demo plan's: the map then has to shrink to start on page 1.
      background: `Bakgrund för export. ${'Långa avstånd mellan byarna och butiker som kämpar gör servicen till en fråga för hela kommunen. '.repeat(3)}\n\nAndra stycket om byarna. ${'Planen bygger på dialoger i byarna och en analys av avstånden. '.repeat(3)}`,
      links: [{ title: 'Regional serviceplan för Dalarnas län', url: null, note: 'Länsstyrelsen' }, { title: 'Översiktsplan', url: null, note: '' }],
      levels: [{ localityId: idre, level: 'service_node', targetServices: ['fuel'] }],
      measures: [...measures(), wordy],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  });

  /** The PDF's text, page by page, as the lines pdf.js reads (one item per run of text on a line). */
  async function pdfPages(bytes: Uint8Array) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
    const pages: string[][] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim()));
    }
    await pdf.destroy();
    return pages;
  }
  const words = (text: string) => text.split(/\s+|(?<=[-–])/).filter(Boolean);

  it('DOCX: a Word file naming the municipality, with the measures table and the map as an image', async () => {
    const answer = await download(lead.client, `/api/service-plans/${planId}/export.docx`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="serviceplan-alvdalen-serviceplan-for-export.docx"');
    const zip = await JSZip.loadAsync(answer.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Älvdalen');
    // The measures table: its header row and one row per measure.
    const tables = xml.split('<w:tbl>').slice(1);
    const measuresTable = tables.find((tbl) => tbl.includes('>Åtgärd<') && tbl.includes('>Kostnad (kr)<'));
    expect(measuresTable, 'a table with the measures').toBeDefined();
    expect(measuresTable).toContain('Servicepunkt i Särna: Paketutlämning och kontantuttag i butiken');
    expect(measuresTable).toContain('Idre Handel AB');
    expect(measuresTable).toContain('250\u00a0000');
    expect(measuresTable).toContain('Laddstolpar i Idre');
    expect(measuresTable!.match(/<w:tr>/g)).toHaveLength(4);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    const png = await zip.file(media.find((name) => name.endsWith('.png'))!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The map's legend, every entry whole inside the picture Word shows.
    const svgs = await Promise.all(media.filter((name) => name.endsWith('.svg')).map((name) => zip.file(name)!.async('string')));
    const map = svgs.find((svg) => svg.includes('id="map-title"'));
    expect(map, 'the map as SVG').toBeDefined();
    const legend = legendEntries(map!);
    expect(legend.map((e) => e.label)).toEqual(['Serviceort', 'Servicenod', 'Servicepunkt', 'Övrig ort']);
    for (const entry of legend) {
      expect(entry.right, entry.label).toBeLessThanOrEqual(entry.svgWidth);
      expect(entry.bottom, entry.label).toBeLessThanOrEqual(entry.svgHeight);
    }
    // Word shows the picture at the SVG's own proportions.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    expect(Number(extent[1]) / Number(extent[2])).toBeCloseTo(legend[0]!.svgWidth / legend[0]!.svgHeight, 2);
  });

  it('PDF: page 1 carries the title, the summary and the start of the content', async () => {
    const answer = await download(lead.client, `/api/service-plans/${planId}/export.pdf`);
    const [first] = await pdfPages(new Uint8Array(answer.bytes));
    const page = first!.join(' ');
    expect(page).toContain('Serviceplan för export');
    expect(page).toContain('Sammanfattning');
    expect(page).toContain('Orter med servicenivå: 1. Mål: 0. Åtgärder: 3.');
    expect(page).toContain('Bakgrund för export.');
    expect(page).toContain('Andra stycket om byarna.');
    // The map figure (its caption) starts on page 1 too, shrunk to the room left rather than pushed on.
    expect(page).toContain('Karta: kommungränsen, orterna och deras servicenivåer.');
  });

  it('PDF: the measures table wraps lines only between words', async () => {
    const answer = await download(lead.client, `/api/service-plans/${planId}/export.pdf`);
    const lines = (await pdfPages(new Uint8Array(answer.bytes))).flat();
    const printed = new Set(lines.flatMap(words));
    const doc = (await lead.client.get(`/api/service-plans/${planId}/document`)).body as { blocks: { kind: string; testId?: string; rows?: string[][] }[] };
    const cells = doc.blocks.find((b) => b.testId === 'measures')!.rows!.flat();
    expect(cells.join(' ')).toContain('apoteksombudsleveranser');
    for (const cell of cells) for (const word of words(cell)) expect(printed.has(word), `"${word}" is printed whole`).toBe(true);
  });

  it('PDF: a valid PDF naming the municipality with the measures', async () => {
    const answer = await download(lead.client, `/api/service-plans/${planId}/export.pdf`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const bytes = new Uint8Array(answer.bytes);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Älvdalen');
    expect(text).toContain('Laddstolpar i Idre');
    expect((await pdf.getMetadata()).info).toMatchObject({ Title: 'Serviceplan för export' });
    await pdf.destroy();
  });

  it('the document route gives the same sections with the map as SVG; English on request', async () => {
    expect((await member.client.patch('/api/me', { language: 'en' })).status).toBe(200);
    const answer = await member.client.get(`/api/service-plans/${planId}/document`);
    await member.client.patch('/api/me', { language: 'sv' });
    expect(answer.status).toBe(200);
    expect(answer.body.subtitle).toBe('Municipal service plan for Älvdalen municipality 2026–2029');
    const figure = answer.body.blocks.find((b: { kind: string }) => b.kind === 'figure');
    expect(figure.svg).toContain('<svg');
    expect(figure.svg).toContain('Idre');
    expect(answer.body.blocks.some((b: { kind: string; caption?: string }) => b.kind === 'table' && b.caption === 'Measures')).toBe(true);
  });
});

describe('regional service programme', () => {
  it('shows the county’s municipalities with the plans the caller may see', async () => {
    const adopted = await newPlan(publicSpace, 'Regional jämförelse');
    await lead.client.post(`/api/service-plans/${adopted.id}/consultation`, { endsOn: day(10) });
    const hidden = await newPlan(privateSpace, 'Hemlig intern plan');
    const anonymous = await t.client().get('/api/counties/20/service-programme');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.county).toEqual({ code: '20', name: expect.stringContaining('Dalarna') });
    expect(anonymous.body.municipalities).toHaveLength(15);
    const alvdalen = anonymous.body.municipalities.find((m: { code: string }) => m.code === '2039');
    const titles = alvdalen.plans.map((p: { title: string }) => p.title);
    expect(titles).toContain('Regional jämförelse');
    expect(titles).not.toContain('Hemlig intern plan');
    expect(titles).not.toContain('Serviceplan för export'); // a draft
    const asLead = await lead.client.get('/api/counties/20/service-programme');
    expect(asLead.body.municipalities.find((m: { code: string }) => m.code === '2039').plans.map((p: { id: string }) => p.id)).toContain(hidden.id);
    expect((await t.client().get('/api/counties/99/service-programme')).status).toBe(404);
    expect((await t.client().get('/api/counties/x/service-programme')).status).toBe(400);
  });
});
