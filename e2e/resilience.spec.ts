import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

test('without WebGL the map says so and the list of municipalities still works', async ({ page }) => {
  // A browser that cannot draw WebGL: every request for such a context gets nothing.
  await page.addInitScript({
    content: `
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (String(type).includes('webgl')) return null;
        return original.call(this, type, ...rest);
      };`,
  });
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-map-state', 'fallback');
  await expect(map).toContainText('Kartan kan inte visas i den här webbläsaren.');
  await expect(map).toHaveAttribute('data-municipality-codes', /2422/);
  await expect(page.getByTestId('municipality-list').getByRole('rowheader', { name: 'Sorsele' })).toBeVisible();
  await expectAccessible(page, 'the start page without a map');
});

test('without WebGL the network says so and its tables still hold every organisation', async ({ page }) => {
  await page.addInitScript({
    content: `
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (String(type).includes('webgl')) return null;
        return original.call(this, type, ...rest);
      };`,
  });
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('link', { name: 'Nätverk och nyckeltal' }).click();
  const graph = page.getByTestId('network-graph');
  await expect(graph).toHaveAttribute('data-state', 'fallback');
  await expect(page.getByTestId('network-fallback')).toContainText('Kartan kan inte visas i den här webbläsaren.');
  const nodes = await graph.getAttribute('data-node-count');
  expect(Number(nodes)).toBeGreaterThan(0);
  await expect(page.getByTestId('network-organisations')).toHaveAttribute('data-row-count', nodes!);
  await expect(page.getByTestId('network-collaborations')).toHaveAttribute('data-row-count', (await graph.getAttribute('data-edge-count'))!);
  await expectAccessible(page, 'the network page without a drawing');
});

test('when the server fails, the error page shows the request id', async ({ page }) => {
  await page.route('**/api/spaces/*', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'internal',
          message: 'Något gick fel hos oss. Ange fel-id 3f0c-test om du kontaktar support.',
          fields: {},
          requestId: '3f0c-test',
        },
      }),
    }),
  );
  await page.goto('/spaces/11111111-1111-4111-8111-111111111111');
  await expect(page.getByRole('heading', { level: 1, name: 'Något gick fel' })).toBeVisible();
  await expect(page.getByTestId('error-page')).toContainText('Fel-id: 3f0c-test');
  await expectAccessible(page, 'the error page');
});

test('every main page fits a 320 px wide screen', async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 320, height: 800 });
  const pages: [string, string][] = [
    ['/', 'Samverkan för en levande landsbygd'],
    ['/spaces/new', 'Skapa arena'],
    ['/account', 'Mitt konto'],
    ['/admin/users', 'Användare'],
    ['/admin/spaces', 'Alla arenor'],
    ['/admin/localities', 'Orter'],
    ['/admin/outbox', 'Utkorg'],
    ['/admin/audit', 'Händelselogg'],
    ['/organisations', 'Organisationer'],
    ['/organisations/new', 'Lägg till organisation'],
    ['/network?municipality=2422', 'Nätverk i Sorsele'],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Laddar' })).toHaveCount(0);
    await expectNoHorizontalScroll(page, 320);
  }
  // On a phone the main menu is folded behind its button.
  await page.getByRole('button', { name: 'Meny', exact: true }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arenor' }).click();
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await expect(page.getByTestId('members-table')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  const space = new URL(page.url()).pathname;
  for (const [path, heading] of [
    [`${space}/network`, 'Nätverk – TALKO Lappland'],
    [`${space}/people`, 'Personer – TALKO Lappland'],
    [`${space}/surveys`, 'Kartläggning – TALKO Lappland'],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Laddar' })).toHaveCount(0);
    await expectNoHorizontalScroll(page, 320);
  }
});
