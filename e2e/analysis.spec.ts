import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const ANDORRA = fileURLToPath(new URL('../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url));

/** Shops and a fuel station in Andorra's valleys (real places on the real road network). */
const POINTS = [
  { externalId: 'butik-canillo', name: 'Butiken i Canillo', lon: 1.5979, lat: 42.5676, kinds: ['groceries_full', 'post_agent'] },
  { externalId: 'butik-encamp', name: 'Butiken i Encamp', lon: 1.58, lat: 42.535, kinds: ['groceries_full'] },
  { externalId: 'butik-vella', name: 'Butiken i Andorra la Vella', lon: 1.5218, lat: 42.5078, kinds: ['groceries_full'] },
  { externalId: 'butik-ordino', name: 'Butiken i Ordino', lon: 1.533, lat: 42.556, kinds: ['groceries_partial'] },
  { externalId: 'mack-encamp', name: 'Macken i Encamp', lon: 1.583, lat: 42.533, kinds: ['fuel'] },
];

/** Villages: a cluster around Canillo, and the other towns. */
const ORIGINS = [
  'id,lon,lat,population,name',
  'canillo,1.5975,42.5670,800,Canillo',
  'soldeu,1.6680,42.5770,300,Soldeu',
  'incles,1.6600,42.5820,120,Incles',
  'meritxell,1.5900,42.5530,90,Meritxell',
  'encamp,1.5810,42.5340,2000,Encamp',
  'ordino,1.5330,42.5550,1500,Ordino',
  'massana,1.5150,42.5450,2500,La Massana',
  'vella,1.5220,42.5070,9000,Andorra la Vella',
].join('\n');

async function openAnalyses(page: Page): Promise<string> {
  await openSpacePage(page, 'Service i samverkan');
  await page.getByRole('link', { name: 'Tillgänglighetsanalys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsanalys – Service i samverkan' })).toBeVisible();
  return /\/spaces\/([0-9a-f-]{36})\/analyses/.exec(page.url())![1]!;
}

/** A space of its own, so that the demo's service points (and other tests' points) stay out of the figures. */
async function newAnalysisSpace(page: Page, baseURL: string): Promise<string> {
  const name = `Andorraprovet ${Date.now()}`;
  const answer = await page.request.post('/api/spaces', { data: { name, kind: 'project', visibility: 'members', municipalityCodes: ['2039'] }, headers: { origin: baseURL } });
  expect(answer.status(), await answer.text()).toBe(201);
  const { id } = (await answer.json()) as { id: string };
  await page.goto(`/spaces/${id}/analyses`);
  await expect(page.getByRole('heading', { level: 1, name: `Tillgänglighetsanalys – ${name}` })).toBeVisible();
  return id;
}

test('a leader imports population and a road network, runs an analysis, watches it, and closes a shop in a scenario', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const spaceId = await newAnalysisSpace(page, baseURL!);
  await expectAccessible(page, 'the analyses page');

  // The service points, through the inventory's API (as the service-point pages would).
  for (const point of POINTS) {
    const answer = await page.request.post(`/api/spaces/${spaceId}/service-points`, { data: point, headers: { origin: baseURL! } });
    expect(answer.status(), await answer.text()).toBe(201);
  }

  // Population from a file.
  const population = page.getByTestId('population-upload');
  await population.getByLabel('Befolkningsfil').setInputFiles({ name: 'byar.csv', mimeType: 'text/csv', buffer: Buffer.from(ORIGINS) });
  await population.getByRole('button', { name: 'Läs in befolkning' }).click();
  await expect(population.getByText('Filen är inläst.')).toBeVisible();
  await expect(page.getByTestId('population-table').getByText('byar.csv')).toBeVisible();

  // A bad file is refused with a message, and nothing is added.
  await population.getByLabel('Befolkningsfil').setInputFiles({ name: 'fel.csv', mimeType: 'text/csv', buffer: Buffer.from('namn;antal\nA;1\n') });
  await population.getByRole('button', { name: 'Läs in befolkning' }).click();
  await expect(population.getByText(/Okänt filformat/).first()).toBeVisible();

  // The road network: uploaded, then built as a job.
  const network = page.getByTestId('network-upload');
  await network.getByLabel('OpenStreetMap-fil (PBF)').setInputFiles({ name: 'andorra.osm.pbf', mimeType: 'application/octet-stream', buffer: readFileSync(ANDORRA) });
  await network.getByRole('button', { name: 'Läs in vägnät' }).click();
  await expect(page.getByTestId('networks-table').getByText('Klar')).toBeVisible({ timeout: 60_000 });

  // A new analysis on that network: the progress bar shows its stage, then the results come.
  const form = page.getByTestId('new-analysis');
  await form.getByLabel('Befolkning').selectOption({ label: 'byar.csv (16 310)' });
  await form.getByLabel('Vägnät').selectOption({ label: 'andorra.osm.pbf' });
  await form.getByRole('textbox', { name: /Namn på analysen/ }).fill('Andorra med byarna');
  await form.getByRole('button', { name: 'Starta analysen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analys: Andorra med byarna' })).toBeVisible();
  const progress = page.getByTestId('analysis-progress');
  // On a quiet machine the job can finish before the page first draws; while it runs, the page
  // shows its progress bar with a way to cancel.
  const results = page.getByRole('heading', { name: 'Resultat' });
  await expect(progress.getByRole('progressbar').or(results)).toBeVisible();
  // One look at the page, since the job may end between two: where the progress shows, it offers to cancel.
  const buttonsBesideProgress = await progress.evaluateAll((sections) =>
    sections.map((section) => Array.from(section.querySelectorAll('button'), (button) => button.textContent?.trim())),
  );
  for (const buttons of buttonsBesideProgress) expect(buttons).toContain('Avbryt analysen');
  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('straight-line-notice')).toHaveCount(0);

  // The map with its cells and points, and the chart with its table.
  const map = page.getByTestId('analysis-map');
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  await expect(map).toHaveAttribute('data-cells', '8');
  await expect(map).toHaveAttribute('data-points', '4');
  // Under them, the imported network's roads by class (Andorra has no motorway), with their legend.
  if ((await map.getAttribute('data-map-state')) === 'ready') {
    await expect(map).toHaveAttribute('data-roads', 'minor,secondary,primary');
    await expect(page.getByTestId('roads-legend').getByRole('listitem')).toHaveCount(3);
  }
  await expect(page.getByTestId('chart-by-type').locator('svg').first()).toBeVisible();
  const byType = page.getByTestId('by-type-table');
  await expect(byType.getByRole('rowheader', { name: 'Dagligvaror' })).toBeVisible();
  await expect(page.getByTestId('villages-table').getByRole('rowheader', { name: 'Canillo' })).toBeVisible();
  await expectAccessible(page, 'the analysis page');

  // The scenario: close the shop in Canillo; the people per class change at once.
  const editor = page.getByTestId('scenario-editor');
  const result = page.getByTestId('scenario-result');
  await editor.getByRole('button', { name: 'Stäng Butiken i Canillo' }).click();
  await expect(result).toHaveAttribute('data-pending', 'false');
  await expect(result.getByTestId('scenario-change')).toBeVisible();
  await expect(result).not.toHaveAttribute('data-changed', '0');
  // Soldeu and Incles (420 people) now go down to Encamp: from 5–10 to 10–30 minutes.
  await expect(result.getByTestId('change-1')).toHaveText(/^[−-]420$/);
  await expect(result.getByTestId('change-2')).toHaveText('+420');
  await expect(result.getByTestId('change-0')).toHaveText('0');
  await expect(editor.getByRole('button', { name: 'Öppna Butiken i Canillo igen' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('villages-table').getByRole('row', { name: /Canillo/ })).toContainText('→');
  await expectAccessible(page, 'the analysis page with a scenario');

  // Saved under a name, it can be compared with another.
  await editor.getByRole('textbox', { name: 'Namn på scenariot' }).fill('Canillo stänger');
  await editor.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(editor.getByText('Scenariot är sparat')).toBeVisible();
  await expect(page.getByTestId('scenario-compare')).toBeVisible();

  // Reopening brings the numbers back.
  await editor.getByRole('button', { name: 'Öppna Butiken i Canillo igen' }).click();
  await expect(result.getByText('Inga ändringar ännu.')).toBeVisible();
});

test('the analyses page works at 320 px and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page);
  await openAnalyses(page);
  await expectNoHorizontalScroll(page, 320);
  await page.getByTestId('population-upload').getByLabel('Befolkningsfil').setInputFiles({ name: 'byar.csv', mimeType: 'text/csv', buffer: Buffer.from(ORIGINS) });
  await page.getByTestId('population-upload').getByLabel('Befolkningsfil').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('population-upload').getByRole('button', { name: 'Läs in befolkning' })).toBeFocused();
  await expectAccessible(page, 'the analyses page at 320 px');
});
