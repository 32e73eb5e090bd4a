import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn } from './helpers.ts';

/** Issue 13 §2: a profile people fill in themselves and show to whom they choose; member lists link to it. */

test('a member edits their profile under My account, chooses who sees it, and views it', async ({ page }) => {
  await signIn(page, 'byalag@example.org', PASSWORD);
  await page.goto('/account');
  const form = page.getByTestId('profile-details-form');
  await expect(form.getByLabel(/Organisation eller organisationer/)).toHaveValue('Ammarnäs byaförening');
  await expect(form.getByRole('radio', { name: /^Alla/ })).toBeChecked();
  await expectAccessible(page, 'My account with the profile');
  await form.getByLabel(/Kort presentation/).fill('Styrelseledamot i byaföreningen. Hjälper gärna till med bygdegårdens bokningar.');
  await form.getByLabel('Kommun').selectOption({ label: 'Sorsele' });
  await form.getByRole('radio', { name: /Medlemmar i mina arenor/ }).check();
  await form.getByRole('button', { name: 'Spara profilen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Profilen är sparad.')).toBeVisible();
  await page.getByRole('link', { name: 'Visa din profil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Byalagsmedlem (fiktiv)' })).toBeVisible();
  await expect(page.getByText('Så här ser andra din profil.')).toBeVisible();
  const facts = page.getByTestId('profile-facts');
  await expect(facts).toContainText('Ammarnäs byaförening');
  await expect(facts).toContainText('Civilsamhälle');
  await expect(facts).toContainText('Sorsele');
  await expect(page.getByText('Hjälper gärna till med bygdegårdens bokningar.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'TALKO Lappland' })).toBeVisible();
  await expectAccessible(page, 'a profile page');
});

test('a fellow member opens a profile from the member list; someone not signed in does not see it', async ({ page, browser }) => {
  await signIn(page, 'processledare@example.org', PASSWORD);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByTestId('members-table').getByRole('link', { name: 'Demo Byalagsmedlem (fiktiv)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Byalagsmedlem (fiktiv)' })).toBeVisible();
  await expect(page.getByTestId('profile-facts')).toContainText('Ammarnäs byaförening');
  const profileUrl = page.url();

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(profileUrl);
  await expect(guestPage.getByText('Den här profilen finns inte, eller så visar personen den inte för dig.')).toBeVisible();
  await expectAccessible(guestPage, 'a hidden profile');
  await guest.close();
});

test('the profile form and a profile page fit a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await signIn(page, 'region@example.org', PASSWORD);
  await page.goto('/account');
  await expect(page.getByTestId('profile-details-form')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await page.getByTestId('profile-details-form').getByRole('button', { name: 'Spara profilen' }).click();
  await page.getByRole('link', { name: 'Visa din profil' }).click();
  await expect(page.getByTestId('profile-facts')).toContainText('Region Norrbotten');
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'a profile page at 320 px');
});
