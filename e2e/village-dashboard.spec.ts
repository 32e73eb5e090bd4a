import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './helpers.ts';

/** Every breakdown table on a dashboard fits its card: nothing cut off, no sideways scrolling inside a card. */
async function expectFigureTablesFit(page: Page) {
  const overflowing = await page
    .locator('.figure .table-wrap')
    .evaluateAll((wraps) =>
      wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.closest('[data-key]')?.getAttribute('data-key')),
    );
  expect(overflowing).toEqual([]);
}

test("the municipality dashboard's figure cards show their tables whole at 1280 and 320 px, with the new figures", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/municipalities/2422/dashboard');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.locator('[data-key="measures"] .figure__value')).toHaveText(/^[1-9]\d*$/);
  await expect(dashboard.locator('[data-key="measures"]').getByRole('table')).toContainText('Pågår');
  await expect(dashboard.locator('[data-key="agreements"]')).toBeVisible();
  await expectFigureTablesFit(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectFigureTablesFit(page);
  await expectNoHorizontalScroll(page, 320);
});

test('from the municipality dashboard to a village’s dashboard, by keyboard, on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/municipalities/2422/dashboard');
  const villages = page.getByTestId('villages');
  await expect(villages.getByRole('heading', { name: 'Byar i Sorsele' })).toBeVisible();
  const link = villages.getByRole('link', { name: 'Blattnicksele' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat för Blattnicksele' })).toBeVisible();
  const village = page.getByTestId('village-dashboard');
  // The demo's input about a parcel agent in Blattnicksele is tagged to the village; the measure that answers it names it.
  await expect(village.locator('[data-key="inputs"] .figure__value')).toHaveText(/^[1-9]\d*$/);
  await expect(village.locator('[data-key="measures"] .figure__value')).toHaveText(/^[1-9]\d*$/);
  // What the data cannot tell is said, not shown as zero.
  await expect(village.getByTestId('village-unknown')).toContainText('initiativ');
  await expectFigureTablesFit(page);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, "a village's dashboard on a phone");
  await page.getByRole('link', { name: 'Resultat för Sorsele' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat för Sorsele' })).toBeVisible();
  await expectAccessible(page, "a municipality's dashboard with its villages");
});
