import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn } from './helpers.ts';

/** Issue 13 §4: the space's sub-menu is on the pages of its parts too (a group, an event, its boards, a service plan). */

const subnav = (page: Page, space: string) => page.getByRole('navigation', { name: `Delar av arenan ${space}` });

test('a group, an event and its boards show the space sub-menu, which leads back to the space’s parts', async ({ page }) => {
  await signIn(page, 'processledare@example.org', PASSWORD);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('link', { name: 'Arbetsgrupper', exact: true }).first().click();
  await page.getByTestId('group-card').filter({ hasText: 'Lokal arbetsgrupp Sorsele' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Lokal arbetsgrupp Sorsele/ })).toBeVisible();
  await expect(subnav(page, 'TALKO Lappland')).toBeVisible();
  await expectAccessible(page, 'a group page with the space sub-menu');

  await subnav(page, 'TALKO Lappland').getByRole('link', { name: 'Träffar', exact: true }).click();
  await page.getByTestId('event-card').first().getByRole('link').first().click();
  await expect(subnav(page, 'TALKO Lappland')).toBeVisible();
  await expectAccessible(page, 'an event page with the space sub-menu');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
});

test('a service plan shows the space sub-menu', async ({ page }) => {
  await signIn(page, 'processledare@example.org', PASSWORD);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'Service i samverkan' }).click();
  await page.getByRole('link', { name: 'Serviceplaner', exact: true }).first().click();
  await page.getByTestId('plan-list').getByRole('link', { name: 'Serviceplan för Älvdalens kommun 2026–2029' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Serviceplan för Älvdalens kommun/ })).toBeVisible();
  await expect(subnav(page, 'Service i samverkan')).toBeVisible();
  await expectAccessible(page, 'a service plan with the space sub-menu');
});
