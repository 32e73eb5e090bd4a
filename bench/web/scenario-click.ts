/**
 * Time from a scenario click in the browser to the updated numbers: on the analysis page of the
 * county-sized case (bench/server/county-case.ts: ~250,000-node network, 12,000 cells), Chromium
 * clicks "Stäng <the busiest shop>" in the scenario editor and waits until the change table shows
 * the new figures (data-pending="false", data-changed > 0); then it reopens the shop and waits for
 * "no changes". The first click after the page loads also builds this instance's in-memory model
 * from the stored inputs (cold); the others are warm. Needs the built web app (scripts/ensure-web-build.mjs).
 *
 *   npx tsx bench/web/scenario-click.ts            (RUNS=7 by default)
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { busiestShop, countyCase, runAnalysisJob } from '../server/county-case.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const c = await countyCase(Number(process.env.PORT ?? 3523));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const analysis = await runAnalysisJob(c.api, c.space.id, { populationId: c.population.id, networkId: c.network.id, name: 'Länet' });
  const shop = await busiestShop(c.api, analysis.id);
  const shopName = shop; // the bench's points are named by their id
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${c.base}/sign-in`);
  await page.locator('#signin-email').fill(c.email);
  await page.locator('#signin-password').fill(c.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som').waitFor();
  const loadStart = Date.now();
  await page.goto(`${c.base}/spaces/${c.space.id}/analyses/${analysis.id}`);
  await page.getByTestId('scenario-editor').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="analysis-map"][data-map-state="ready"], [data-testid="analysis-map"][data-map-state="fallback"]').waitFor({ timeout: 120_000 });
  const pageLoadMs = Date.now() - loadStart;
  const result = page.getByTestId('scenario-result');
  const clicks: { closeMs: number; inPageMs: number; reopenMs: number; changed: number }[] = [];
  // In the page: from the click event to the moment the result element shows the new figures
  // (no test-driver round trips in between).
  await page.evaluate(`(() => {
    document.addEventListener('click', () => (window.__click = performance.now()), true);
    const el = document.querySelector('[data-testid="scenario-result"]');
    new MutationObserver(() => {
      if (el.getAttribute('data-pending') === 'false' && el.getAttribute('data-changed') !== '0' && el.querySelector('[data-testid="scenario-change"]')) window.__shown ??= performance.now();
    }).observe(el, { attributes: true, childList: true, subtree: true });
  })()`);
  for (let r = 0; r < RUNS; r++) {
    await page.evaluate('delete window.__shown');
    let start = Date.now();
    await page.getByRole('button', { name: `Stäng ${shopName}`, exact: true }).click();
    await page.locator('[data-testid="scenario-result"][data-pending="false"]:not([data-changed="0"])').waitFor({ timeout: 120_000 });
    await result.getByTestId('scenario-change').waitFor();
    const closeMs = Date.now() - start;
    const inPageMs = Math.round(await page.evaluate<number>('window.__shown - window.__click'));
    const changed = Number(await result.getAttribute('data-changed'));
    start = Date.now();
    await page.getByRole('button', { name: `Öppna ${shopName} igen`, exact: true }).click();
    await result.getByText('Inga ändringar ännu.').waitFor();
    clicks.push({ closeMs, inPageMs, reopenMs: Date.now() - start, changed });
  }
  const warm = clicks.slice(1).map((x) => x.closeMs);
  const warmInPage = clicks.slice(1).map((x) => x.inPageMs);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify(
      {
        machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
        inputs: c.inputs,
        analysisMs: analysis.totalMs,
        pageLoadMs,
        clicks,
        coldClickMs: clicks[0]!.closeMs,
        medianWarmClickMs: median(warm),
        medianWarmInPageMs: median(warmInPage),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await c.stop();
}
