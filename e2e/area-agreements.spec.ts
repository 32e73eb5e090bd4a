import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './helpers.ts';

const SOK_AGREEMENT = 'Överenskommelse om samverkan mellan offentlig sektor och civilsamhälle i Norrbotten';

test("the municipality and county pages list the agreements there: SÖK's agreement in Luleå and Norrbotten", async ({ page }) => {
  await page.goto('/municipalities/2580/dashboard');
  const section = page.getByRole('region', { name: 'Överenskommelser' });
  await expect(section).toBeVisible();
  const card = section.getByTestId('area-agreement').filter({ hasText: SOK_AGREEMENT });
  await expect(card).toHaveCount(1);
  // In the demo it is out for adoption (another test may have brought it into force): its status shows either way.
  await expect(card.locator('.tag')).toHaveText(/^(För antagande|Gäller)$/);
  await expect(card.getByRole('link', { name: 'SÖK Samverkan Norrbotten' })).toBeVisible();
  await expect(card.getByTestId('adoption-progress')).toContainText(/\d av \d parter har antagit/);
  await expectAccessible(page, "a municipality's page with its agreements");
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/agenda2030/counties/25');
  const county = page.getByRole('region', { name: 'Överenskommelser' });
  await expect(county.getByTestId('area-agreement').filter({ hasText: SOK_AGREEMENT })).toHaveCount(1);
  await expectAccessible(page, "a county's Agenda 2030 page with its agreements");

  await page.goto('/counties/25/dashboard');
  await page.getByRole('region', { name: 'Överenskommelser' }).getByRole('link', { name: SOK_AGREEMENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: SOK_AGREEMENT })).toBeVisible();
});

test("from a space's municipalities to a municipality's page, its Agenda 2030 coverage and its county", async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'SÖK Samverkan Norrbotten' }).click();
  const list = page.getByTestId('municipality-list');
  await list.getByRole('link', { name: 'Luleå' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Luleå/ })).toBeVisible();
  await page.getByRole('link', { name: 'Agenda 2030 i Luleå' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Luleå/ })).toBeVisible();
  await page.getByRole('link', { name: 'Resultat och samverkan i Luleå' }).click();
  await page.getByRole('link', { name: /^Hela Norrbottens län$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Norrbottens län/ })).toBeVisible();
  await expectAccessible(page, "a county's page reached from a municipality");
});
