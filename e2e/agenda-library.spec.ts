import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

test('the coverage view opens a goal into its targets, with a table alternative and a CSV export', async ({ page }) => {
  await page.goto('/');
  const spaces = await (await page.request.get('/api/spaces')).json();
  const sis = spaces.find((s: { name: string }) => s.name === 'Service i samverkan');
  await page.goto(`/spaces/${sis.id}/agenda2030`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda 2030 i Service i samverkan' })).toBeVisible();
  const tiles = page.getByTestId('goal-tiles').getByRole('button');
  await expect(tiles).toHaveCount(17);
  const goal11 = tiles.filter({ hasText: 'Hållbara städer och samhällen' });
  await goal11.focus();
  await page.keyboard.press('Enter');
  await expect(goal11).toHaveAttribute('aria-expanded', 'true');
  const detail = page.getByTestId('goal-detail');
  await expect(detail.getByRole('row', { name: /11\.a/ })).toBeVisible();
  await expect(detail.getByTestId('goal-entries')).toContainText('Servicepunkten i byns lanthandel');
  await expect(page.getByTestId('coverage-table').getByRole('row')).toHaveCount(18);
  const csv = await page.request.get(await page.getByTestId('coverage-csv').getAttribute('href') ?? '');
  expect((await csv.text()).split('\n')[0]).toContain('level,code,label_sv');
  await expectAccessible(page, 'the coverage view with goal 11 open');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
});

test('library search finds inflected forms with highlights; a member adds an item with goals and targets', async ({ page }) => {
  await page.goto('/library');
  await page.getByLabel('Sök i kunskapsbanken').fill('servicepunkt');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const hit = page.getByTestId('library-hit').first();
  await expect(hit).toContainText('Servicepunkten i byns lanthandel');
  await expect(hit.locator('mark').first()).toHaveText(/Servicepunkt/i);
  await expectAccessible(page, 'library search with hits');
  await hit.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Servicepunkten i byns lanthandel' })).toBeVisible();
  await expectAccessible(page, 'a library item');

  await signIn(page, 'byalag@example.org');
  await page.goto('/library/new');
  await page.getByLabel('Arena').selectOption({ label: 'TALKO Lappland' });
  await page.getByLabel('Titel').fill('Byaråd i praktiken');
  await page.getByLabel('Sammanfattning').fill('Så arbetar byarådet i Ammarnäs med service och mötesplatser.');
  await page.getByLabel('Sök delmål (nummer eller ord)').fill('11.a');
  await page.getByRole('checkbox', { name: /^11\.a / }).first().check();
  await expectAccessible(page, 'the library item editor');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Byaråd i praktiken' })).toBeVisible();
  await expect(page.getByText('Delmål 11.a')).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
});
