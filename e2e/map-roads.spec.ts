import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

/**
 * Issue 13 §1: without a basemap a space's maps draw the roads of its imported road network by
 * class. The demo has no Swedish extract, so the space here imports Monaco's real roads.
 */
const MONACO = fileURLToPath(new URL('../packages/engine/test/fixtures/monaco.osm.pbf', import.meta.url));

/** A members-only space with Monaco's road network built, and a shop in Monaco for the map to show. */
async function spaceWithRoads(page: Page, baseURL: string): Promise<{ id: string; name: string }> {
  const name = `Vägkartan ${Date.now()}`;
  const headers = { origin: baseURL };
  const space = await page.request.post('/api/spaces', {
    data: { name, kind: 'project', visibility: 'members', municipalityCodes: ['2039'] },
    headers,
  });
  expect(space.status(), await space.text()).toBe(201);
  const { id } = (await space.json()) as { id: string };
  const point = await page.request.post(`/api/spaces/${id}/service-points`, {
    data: { externalId: 'butik-monaco', name: 'Butiken vid hamnen', lon: 7.4236, lat: 43.7347, kinds: ['groceries_full'] },
    headers,
  });
  expect(point.status(), await point.text()).toBe(201);
  const network = await page.request.post(`/api/spaces/${id}/networks/import`, {
    multipart: { file: { name: 'monaco.osm.pbf', mimeType: 'application/octet-stream', buffer: readFileSync(MONACO) } },
    headers,
  });
  expect(network.status(), await network.text()).toBe(201);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/spaces/${id}/networks`)).json()) as { status: string }[])[0]?.status, {
      timeout: 60_000,
    })
    .toBe('done');
  return { id, name };
}

test("a space's maps draw its imported roads by class, with a legend", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const { id, name } = await spaceWithRoads(page, baseURL!);

  await page.goto(`/spaces/${id}/services`);
  await expect(page.getByRole('heading', { level: 1, name: `Service – ${name}` })).toBeVisible();
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-map-state', 'ready');
  await expect(map).toHaveAttribute('data-style-loaded', 'true');
  // The layer is on the map (the attribute is set once MapLibre has the source and layer): Monaco has no motorway.
  await expect(map).toHaveAttribute('data-roads', 'minor,secondary,primary');
  const legend = page.getByRole('list', { name: 'Vägar på kartan (från arenans vägnät)' });
  await expect(legend.getByRole('listitem')).toHaveText(['Större vägar', 'Vägar mellan orter', 'Lokala vägar och gator']);
  await expectAccessible(page, 'the services page with roads on its map');

  // The space's own page shows them too; by keyboard the map takes focus and zooms.
  await page.goto(`/spaces/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('map')).toHaveAttribute('data-roads', 'minor,secondary,primary');
  const canvas = page.getByTestId('map').locator('canvas');
  await canvas.focus();
  await expect(canvas).toBeFocused();
  await page.keyboard.press('+');
  await expectAccessible(page, 'the space page with roads on its map');

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`/spaces/${id}/services`);
  await expect(page.getByTestId('roads-legend')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the services page with roads at 320 px');
});

test('a space without an imported network keeps its map without roads', async ({ page, baseURL }) => {
  await signIn(page);
  const name = `Utan vägnät ${Date.now()}`;
  const answer = await page.request.post('/api/spaces', {
    data: { name, kind: 'project', visibility: 'members', municipalityCodes: ['2039'] },
    headers: { origin: baseURL! },
  });
  const { id } = (await answer.json()) as { id: string };
  const roads = page.waitForResponse((response) => response.url().endsWith(`/api/spaces/${id}/networks/roads`));
  await page.goto(`/spaces/${id}/services`);
  expect(await (await roads).json()).toEqual({ type: 'FeatureCollection', features: [] });
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-style-loaded', 'true');
  await expect(map).toHaveAttribute('data-roads', '');
  await expect(page.getByTestId('roads-legend')).toHaveCount(0);
});
