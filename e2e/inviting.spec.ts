import http from 'node:http';
import { expect, request as requests, test, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoHorizontalScroll, PASSWORD, openSpacePage } from './helpers.ts';

/** Issue 13: maps that give bearings, a demo that never dead-ends, and a first screen that comes quickly. */

const SERVICE = 'Service i samverkan';
/** The first route's JavaScript, compressed (issue 13 §5): the entry chunk and what it preloads. */
const ENTRY_BUDGET_BYTES = 250_000;

async function openSpace(page: Page, name = SERVICE) {
  await openSpacePage(page, name);
}

/** Raw bytes on the wire (no decompression), with the response headers. */
function fetchRaw(url: string, headers: Record<string, string>): Promise<{ bytes: number; headers: http.IncomingHttpHeaders; status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, headers: res.headers, status: res.statusCode ?? 0 }));
      })
      .on('error', reject);
  });
}

test('the first route loads at most 250 kB of compressed JavaScript, cached for a year', async ({ baseURL }) => {
  const html = await fetchRaw(`${baseURL}/`, {});
  expect(html.status).toBe(200);
  const page = await (await fetch(`${baseURL}/`)).text();
  const scripts = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const script of new Set(scripts)) {
    const answer = await fetchRaw(`${baseURL}${script}`, { 'accept-encoding': 'br, gzip' });
    expect(answer.status, script).toBe(200);
    if (answer.bytes > 1024) expect(answer.headers['content-encoding'], script).toBe('br');
    expect(answer.headers['cache-control'], script).toContain('immutable');
    total += answer.bytes;
  }
  expect(total, `entry JavaScript: ${total} bytes compressed`).toBeLessThanOrEqual(ENTRY_BUDGET_BYTES);
  // The map library is not part of it: it loads only on pages with a map.
  expect(scripts.some((s) => s.includes('maplibre'))).toBe(false);
  // API answers are compressed too.
  const api = await fetchRaw(`${baseURL}/api/municipalities`, { 'accept-encoding': 'br, gzip' });
  expect(api.headers['content-encoding']).toBe('br');
});

test('on the input form, choosing Ludvika shows Ludvika, and the keyboard "map centre" lands there', async ({ page }) => {
  await openSpace(page);
  await page.goto(`${page.url()}/inputs/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lämna ett inspel' })).toBeVisible();
  const form = page.getByTestId('input-form');
  const map = page.getByTestId('inputs-map');
  await expect(map).toHaveAttribute('data-map-state', 'ready');
  // Bearings without a basemap: the space's municipalities are named on the map.
  await expect(map.locator('.map-label--municipality', { hasText: 'Ludvika' })).toHaveCount(1);
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Ludvika' });
  await expect(map.locator('.map-label--locality', { hasText: 'Grängesberg' })).toBeVisible();
  const centre = form.getByRole('button', { name: 'Välj kartans mittpunkt' });
  await centre.focus();
  await page.keyboard.press('Enter');
  const picked = page.getByTestId('picked-point');
  await expect(picked).toContainText('Vald plats: latitud');
  const [lat, lon] = [...(await picked.innerText()).matchAll(/(\d+,\d+)/g)].map((m) => Number(m[1]!.replace(',', '.')));
  // Ludvika kommun lies within about 59.9–60.5 N, 14.3–15.7 E (not 170 km away in Hälsingland).
  expect(lat).toBeGreaterThan(59.8);
  expect(lat).toBeLessThan(60.6);
  expect(lon).toBeGreaterThan(14.2);
  expect(lon).toBeLessThan(15.8);
  await expectAccessible(page, 'the input form with the map fitted to Ludvika');
});

test('the demo has a finished accessibility analysis with a saved scenario, on a phone too', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
  const page = await context.newPage();
  await openSpace(page);
  await page.getByRole('link', { name: 'Tillgänglighetsanalys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Tillgänglighetsanalys – ${SERVICE}` })).toBeVisible();
  await page.getByRole('link', { name: 'Nuläge 2026 – orterna, fågelvägen (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analys: Nuläge 2026 – orterna, fågelvägen (demo)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeVisible();
  // Straight lines, and it says so.
  await expect(page.getByTestId('straight-line-notice').first()).toBeVisible();
  await expect(page.getByTestId('scenario-compare').getByRole('columnheader', { name: 'Om den mest använda livsmedelsbutiken stänger' }).first()).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the demo analysis at 320 px');
  await context.close();
});

test('the home page says how to take part; someone joins, confirms the e-mail link and is signed in', async ({ page, baseURL }) => {
  const email = `ny-${Date.now()}@example.org`;
  await page.goto('/');
  const join = page.getByTestId('how-to-join');
  await expect(join.getByRole('heading', { name: 'Så är du med' })).toBeVisible();
  await expect(join).toContainText('Utan konto');
  await expect(join.getByRole('link', { name: 'Delta med kod' })).toHaveAttribute('href', '/delta');
  await expectAccessible(page, 'the home page with how to take part');
  await page.getByRole('link', { name: 'Skapa konto' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa konto' })).toBeVisible();
  const form = page.getByTestId('sign-up-form');
  await form.getByRole('textbox', { name: /^Namn/ }).fill('Karin i Grängesberg');
  await form.getByRole('textbox', { name: /^E-postadress/ }).fill(email);
  await form.getByLabel(/^Lösenord/).fill('fjällbjörk-och-myr-2026');
  await form.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByTestId('sign-up-sent')).toBeFocused();
  await expect(page.getByTestId('sign-up-sent')).toContainText(email);
  await expectAccessible(page, 'the sign-up page, link sent');

  const admin = await requests.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await admin.post('/api/auth/sign-in', { data: { email: ADMIN, password: PASSWORD } })).status()).toBe(200);
  const outbox = (await (await admin.get(`/api/admin/outbox?to=${encodeURIComponent(email)}`)).json()) as { subject: string; text: string }[];
  await admin.dispose();
  const link = outbox.find((m) => m.subject === 'Bekräfta din e-postadress för Samhandling')?.text.match(/https?:\/\/\S+\/sign-up\/confirm#token=\S+/)?.[0];
  expect(link, 'confirmation link in the mail').toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
  expect(page.url()).toContain('/account');
});
