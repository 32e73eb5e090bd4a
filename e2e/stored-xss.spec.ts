import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN, PASSWORD } from './helpers.ts';

/**
 * Stored XSS: script payloads saved as user text through the API, then every page that shows that
 * text is loaded in Chromium, signed in and anonymously. Nothing may execute (the payloads set
 * window.__xss, open a dialog or load /x), the text must be on the page as text, and no CSP
 * violation may come from injected content (violations raised by the app's own bundle are not
 * this test's business).
 */

// Each payload tries a different way out: a script element, an event handler, breaking out of an
// attribute, an SVG handler, a javascript: link, an iframe, a template expression.
const SHORT = `"><svg onload=__xss=1><img src=x onerror=__xss=2><script>__xss=3</script>`; // ≤ 80 characters
const LONG =
  `${SHORT}<a href="javascript:__xss=4">länk</a><iframe srcdoc="<script>parent.__xss=5</script>"></iframe>` +
  `<img src=x onerror="alert(6)">{{constructor.constructor('__xss=7')()}}[x](javascript:__xss=8)`;
const JS_URL = 'javascript:__xss=9//https://example.org';
/** What must be visible as text where a payload is shown: the payload's literal script tag. */
const VISIBLE = '<script>__xss=3</script>';

interface Created {
  spaceId: string;
  eventId: string;
  groupId: string;
  inputId: string;
  pointId: string;
  organisationId: string;
  planId: string;
  boardId: string;
  boardCode: string;
}

const named = (label: string, long = false) => `${label} ${long ? LONG : SHORT}`;
/** Playwright runs beforeAll again after a failed test: names that must be unique get this run's mark. */
const RUN = Date.now().toString(36);

async function api(request: APIRequestContext, baseURL: string, method: 'post' | 'patch', path: string, data: unknown, allowed = [200, 201]) {
  const answer = await request[method](path, { data, headers: { origin: baseURL } });
  const body = await answer.json().catch(() => null);
  expect(allowed, `${method.toUpperCase()} ${path}: ${answer.status()} ${JSON.stringify(body)}`).toContain(answer.status());
  return { status: answer.status(), body };
}

/** A URL field gets a javascript: URL where the API still takes one, an https address where it (rightly) refuses. */
async function withUrl(request: APIRequestContext, baseURL: string, method: 'post' | 'patch', path: string, make: (url: string) => unknown) {
  const first = await api(request, baseURL, method, path, make(JS_URL), [200, 201, 400]);
  return first.status === 400 ? api(request, baseURL, method, path, make('https://example.org/plan')) : first;
}

async function createEverything(request: APIRequestContext, baseURL: string): Promise<Created> {
  const signIn = await request.post('/api/auth/sign-in', { data: { email: ADMIN, password: PASSWORD }, headers: { origin: baseURL } });
  expect(signIn.status()).toBe(200);
  const space = await api(request, baseURL, 'post', '/api/spaces', {
    name: named('Arena'),
    description: named('Beskrivning', true),
    kind: 'project',
    visibility: 'public',
    municipalityCodes: ['2422'],
  });
  const spaceId = space.body.id as string;
  const organisation = await withUrl(request, baseURL, 'post', '/api/organisations', (website) => ({
    name: named('Förening'),
    sector: 'civil_society',
    type: 'association',
    level: 'local',
    municipalityCode: '2422',
    description: named('Om oss', true),
    website,
    tags: [SHORT.slice(0, 40)],
    confirmDuplicate: true,
  }));
  const organisationId = organisation.body.id as string;
  await api(request, baseURL, 'post', `/api/spaces/${spaceId}/organisations`, { organisationId }, [200, 201, 204]);
  await api(request, baseURL, 'post', '/api/people', {
    name: named('Person'),
    spaceId,
    affiliations: [{ organisationId, role: SHORT }],
    consent: { purpose: named('Syfte'), textVersion: 'v1', method: 'paper' },
  });
  const group = await api(request, baseURL, 'post', `/api/spaces/${spaceId}/groups`, { name: named('Grupp'), municipalityCode: '2422', description: named('Om gruppen', true) });
  const start = new Date(Date.now() + 7 * 86_400_000);
  const event = await api(request, baseURL, 'post', `/api/spaces/${spaceId}/events`, {
    kind: 'village_forum',
    title: named('Träff'),
    description: named('Program', true),
    public: true,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    placeName: named('Plats'),
    address: named('Adress'),
    agenda: [{ startsAt: start.toISOString(), title: named('Punkt'), description: named('Om punkten') }],
    cohostIds: [organisationId],
  }, [201]);
  const eventId = event.body.id as string;
  await api(request, baseURL, 'post', `/api/events/${eventId}/registrations`, { name: named('Deltagare'), email: `xss-${RUN}@example.org`, organisation: named('Org') }, [201]);
  const input = await api(request, baseURL, 'post', `/api/spaces/${spaceId}/inputs`, { text: named('Behov', true), kind: 'need', municipalityCode: '2422' }, [201]);
  const point = await api(request, baseURL, 'post', `/api/spaces/${spaceId}/service-points`, {
    name: named('Butik'),
    lon: 17.5,
    lat: 65.3,
    kinds: ['groceries_full'],
    address: named('Gata'),
    notes: named('Anteckning', true),
    seasonNote: named('Säsong'),
  }, [201]);
  const plan = await api(request, baseURL, 'post', `/api/spaces/${spaceId}/service-plans`, { title: named('Serviceplan'), municipalityCode: '2422', periodStart: 2026, periodEnd: 2029 }, [201]);
  const planId = plan.body.id as string;
  await withUrl(request, baseURL, 'patch', `/api/service-plans/${planId}`, (url) => ({
    background: named('Bakgrund', true),
    links: [{ title: named('Länk'), url, note: named('Not') }],
    goals: [{ text: named('Mål'), indicator: named('Indikator') }],
    measures: [{ title: named('Åtgärd'), description: named('Beskrivning', true), place: named('Plats') }],
  }));
  const endsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await api(request, baseURL, 'post', `/api/service-plans/${planId}/consultation`, { endsOn, message: named('Meddelande') });
  const comment = await api(request, baseURL, 'post', `/api/service-plans/${planId}/comments`, { body: named('Synpunkt', true), authorName: named('Namn') }, [201]);
  await api(request, baseURL, 'patch', `/api/service-plans/${planId}/comments/${comment.body.id}`, { status: 'published', response: named('Svar', true) });
  const board = await api(request, baseURL, 'post', `/api/events/${eventId}/boards`, { title: named('Tavla'), prompts: [named('Fråga')], groups: [SHORT] }, [201]);
  const boardId = board.body.id as string;
  const full = await request.get(`/api/boards/${boardId}`);
  const promptId = ((await full.json()) as { prompts: { id: string }[] }).prompts[0]!.id;
  await api(request, baseURL, 'post', `/api/boards/${boardId}/notes`, { promptId, text: named('Lapp'), clientKey: `xss-note-${RUN}` }, [200, 201]);
  await api(request, baseURL, 'post', '/api/localities', { name: `By ${RUN} ${SHORT}`, municipalityCode: '2422', lon: 17.4, lat: 65.2 }, [201]);
  return {
    spaceId,
    eventId,
    groupId: group.body.id,
    inputId: input.body.id,
    pointId: point.body.id,
    organisationId,
    planId,
    boardId,
    boardCode: board.body.code,
  };
}

interface Watch {
  dialogs: string[];
  requests: string[];
}

/** Records what a payload would do if it ran: dialogs, a request for /x, CSP reports, window.__xss. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], requests: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/\/x$/.test(new URL(request.url()).pathname)) seen.requests.push(request.url());
  });
  // A string, as the page's code runs in the browser (this file is compiled without the DOM's types).
  await page.addInitScript(`
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample }));
  `);
  return seen;
}

async function expectInert(page: Page, seen: Watch, path: string, origin: string) {
  await page.goto(path);
  await expectInertHere(page, seen, path, origin);
}

async function expectInertHere(page: Page, seen: Watch, path: string, origin: string) {
  await expect(page.locator('main')).toBeVisible();
  // The payload is on the page, as text.
  await expect(page.getByText(VISIBLE, { exact: false }).first(), `${path} shows the stored text`).toBeAttached();
  // javascript: links, where any were made, must do nothing when followed.
  const scripted = page.locator('a[href^="javascript:" i]');
  for (let i = 0; i < (await scripted.count()); i++) await scripted.nth(i).click({ force: true, noWaitAfter: true }).catch(() => {});
  await page.waitForTimeout(300);
  const state = await page.evaluate<{ xss: unknown; csp: { directive: string; blocked: string; source: string; sample: string }[] }>(
    '({ xss: window.__xss ?? null, csp: window.__csp })',
  );
  expect(state.xss, `${path}: a payload ran`).toBeNull();
  expect(seen.dialogs, `${path}: a payload opened a dialog`).toEqual([]);
  expect(seen.requests, `${path}: a payload's <img src=x> was loaded`).toEqual([]);
  // The app's own bundle may trip the policy (the 'unsafe-eval' report another change removes); injected content may not.
  const injected = state.csp.filter((v) => !(v.source.startsWith(origin) && /\/assets\/[^/]+\.js$/.test(v.source)));
  expect(injected, `${path}: CSP violations from injected content`).toEqual([]);
}

let created: Created;

// The two walks are the longest tests of the run and come last in its order: each may take its own
// worker (each worker has its own server, so each creates the payloads on its own in beforeAll).
test.describe.configure({ mode: 'parallel' });

test.beforeAll(async ({ browser, baseURL }: { browser: Browser; baseURL: string | undefined }) => {
  const context = await browser.newContext();
  created = await createEverything(context.request, baseURL!);
  await context.close();
});

test('signed in, no stored payload runs on any page that shows it', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const seen = await watch(page);
  const answer = await page.request.post('/api/auth/sign-in', { data: { email: ADMIN, password: PASSWORD }, headers: { origin: baseURL! } });
  expect(answer.status()).toBe(200);
  const c = created;
  for (const path of [
    '/',
    `/spaces/${c.spaceId}`,
    `/spaces/${c.spaceId}/network`,
    `/spaces/${c.spaceId}/people`,
    '/organisations',
    `/organisations/${c.organisationId}`,
    `/spaces/${c.spaceId}/groups`,
    `/groups/${c.groupId}`,
    `/spaces/${c.spaceId}/events`,
    `/events/${c.eventId}`,
    `/events/${c.eventId}/attendance`,
    `/events/${c.eventId}/boards`,
    `/boards/${c.boardId}`,
    `/spaces/${c.spaceId}/inputs`,
    `/spaces/${c.spaceId}/inputs/triage`,
    `/spaces/${c.spaceId}/inputs/${c.inputId}`,
    `/spaces/${c.spaceId}/services`,
    `/service-points/${c.pointId}`,
    `/spaces/${c.spaceId}/service-plans`,
    `/service-plans/${c.planId}`,
    `/service-plans/${c.planId}/print`,
    `/service-plans/${c.planId}/consultation`,
    '/service-programme?county=24',
    '/network?municipality=2422',
    '/admin/spaces',
    '/admin/localities',
  ]) {
    await expectInert(page, seen, path, new URL(baseURL!).origin);
  }
});

test('anonymous, no stored payload runs on the public pages', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const seen = await watch(page);
  const c = created;
  for (const path of [
    '/',
    `/spaces/${c.spaceId}`,
    `/events/${c.eventId}`,
    `/spaces/${c.spaceId}/inputs`,
    `/spaces/${c.spaceId}/inputs/${c.inputId}`,
    `/spaces/${c.spaceId}/services`,
    `/service-points/${c.pointId}`,
    `/service-plans/${c.planId}/consultation`,
    `/organisations/${c.organisationId}`,
  ]) {
    await expectInert(page, seen, path, new URL(baseURL!).origin);
  }
  // A participant joins the workshop board on a phone, a payload as their name, and sees the prompts and notes.
  await page.goto(`/delta/${c.boardCode}`);
  await page.getByLabel('Förnamn').fill(SHORT);
  await page.getByRole('button', { name: 'Gå med' }).click();
  await expectInertHere(page, seen, `/delta/${c.boardCode}`, new URL(baseURL!).origin);
});
