import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './helpers.ts';

test('start page lists the public spaces and their municipalities on the map, accessibly', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Samhandling/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkan för en levande landsbygd' })).toBeVisible();

  const cards = page.getByTestId('space-card');
  await expect(cards.getByRole('link', { name: 'TALKO Lappland' })).toBeVisible();
  await expect(cards.getByRole('link', { name: 'Service i samverkan' })).toBeVisible();
  await expect(cards.getByRole('link', { name: 'SÖK Samverkan Norrbotten' })).toBeVisible();
  await expect(cards.getByRole('link', { name: 'Agenda 2030 – med civilsamhället som motor' })).toBeVisible();

  // The map carries the highlighted municipalities; the table is the text alternative.
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('role', 'region');
  await expect(map).toHaveAttribute('aria-label', 'Karta över Sverige med arenornas kommuner markerade');
  await expect(map).toHaveAttribute('data-municipality-codes', /2422/);
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  const list = page.getByTestId('municipality-list');
  await expect(list.getByRole('rowheader', { name: 'Sorsele' })).toBeVisible();
  await expect(list.getByRole('rowheader', { name: 'Älvdalen' })).toBeVisible();

  await expectAccessible(page, 'the start page');
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab continues inside the main content, not in the header.
  await page.keyboard.press('Tab');
  const inMain = await page.locator('main#main').evaluate((main) => main.contains(main.ownerDocument.activeElement));
  expect(inMain).toBe(true);
});

test('at 320 px width the start page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('space-card').first()).toBeVisible();
  await expect(page.getByTestId('municipality-list')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expect(page.getByRole('button', { name: /English/ })).toBeVisible();
  await expectAccessible(page, 'the start page at 320 px');
});

test('switching to English changes the text and persists after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkan för en levande landsbygd' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch language to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Collaboration for a living countryside' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Collaboration for a living countryside' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'the start page in English');

  // API messages follow the UI language too.
  await page.goto('/sign-in');
  await page.locator('#signin-email').fill('nobody@example.org');
  await page.locator('#signin-password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Wrong e-mail address or password.');

  await page.getByRole('button', { name: 'Byt språk till svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an unknown address shows the 404 page', async ({ page }) => {
  await page.goto('/det-finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå till startsidan' })).toBeVisible();
  await expectAccessible(page, 'the 404 page');

  // A space that does not exist (or is hidden) is a 404 as well.
  await page.goto('/spaces/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
});

test('the accessibility statement is reachable from the footer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighet för Samhandling' })).toBeVisible();
  await expectAccessible(page, 'the accessibility statement');
});

test('a visitor sees a public space, its municipalities, and no member list', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'Service i samverkan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service i samverkan' })).toBeVisible();
  await expect(page.getByTestId('municipality-list').getByRole('rowheader', { name: 'Älvdalen' })).toBeVisible();
  await expect(page.getByTestId('map')).toHaveAttribute('data-municipality-codes', /2039/);
  await expect(page.getByText('Bara medlemmar ser vilka som är med.')).toBeVisible();
  await expect(page.getByTestId('members-table')).toHaveCount(0);
  await expect(page.getByTestId('invite-form')).toHaveCount(0);
  await expectAccessible(page, 'a public space page for visitors');
});
