import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn, openSpacePage } from './helpers.ts';

/** Issue 13 §2: a public space is joined openly, on request (a leader decides) or by invitation only. */

const SERVICE = 'Service i samverkan';
const AGENDA = 'Agenda 2030 – med civilsamhället som motor';

async function openSpace(page: Page, name: string) {
  await openSpacePage(page, name);
}

test('someone who is not signed in is told how to join, and invitation-only spaces say so', async ({ page }) => {
  await openSpace(page, SERVICE);
  const join = page.getByTestId('join-section');
  await expect(join).toContainText('Den här arenan tar emot nya medlemmar på förfrågan.');
  await expect(join.getByRole('link', { name: 'Logga in för att gå med' })).toHaveAttribute('href', /returnTo=%2Fspaces%2F/);
  await openSpace(page, 'TALKO Lappland');
  await expect(page.getByTestId('join-section')).toContainText('Arenan tar emot nya medlemmar genom inbjudan.');
  await expect(page.getByTestId('join-section').getByRole('button')).toHaveCount(0);
});

test('an open space is joined with one button, by keyboard', async ({ page }) => {
  await signIn(page, 'processledare@example.org', PASSWORD);
  await openSpace(page, AGENDA);
  const join = page.getByTestId('join-section');
  await expect(page.locator('.facts')).toContainText('Öppet – alla inloggade kan gå med');
  await expectAccessible(page, 'an open space for a non-member');
  await join.getByRole('button', { name: 'Gå med i arenan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Din roll: Medlem')).toBeVisible();
  await expect(page.getByTestId('join-section')).toHaveCount(0);
  await expect(page.getByTestId('members-table').getByRole('rowheader', { name: 'Demo Processledare (fiktiv) (du)' })).toBeVisible();
});

test('a villager asks to join, the facilitator accepts, and the answer is e-mailed', async ({ page, browser }) => {
  // The demo's village member already has a request waiting in Service i samverkan.
  await signIn(page, 'byalag@example.org', PASSWORD);
  await openSpace(page, SERVICE);
  const join = page.getByTestId('join-section');
  await expect(join.getByRole('status')).toContainText('väntar på svar från arenans ledare');
  await expectAccessible(page, 'a pending request to join');
  // Withdraw by keyboard: focus stays in the section, which now offers the form again.
  await join.getByRole('button', { name: 'Ta tillbaka förfrågan' }).focus();
  await page.keyboard.press('Enter');
  await expect(join.getByRole('status')).toHaveText('Du har tagit tillbaka din förfrågan.');
  await expect(join.locator('.join-request')).toBeFocused();
  const form = page.getByTestId('join-request-form');
  await form.getByLabel(/Meddelande till ledarna/).fill('Jag är med i byalaget i Idre och vill bidra till serviceplanen.');
  await expectAccessible(page, 'the request-to-join form');
  await form.getByRole('button', { name: 'Be att få gå med' }).click();
  await expect(join.getByRole('status')).toContainText('väntar på svar');

  // The facilitator of the space sees the request and accepts it, by keyboard.
  const leader = await browser.newContext();
  const leaderPage = await leader.newPage();
  await signIn(leaderPage, 'processledare@example.org', PASSWORD);
  await openSpace(leaderPage, SERVICE);
  const requests = leaderPage.getByTestId('join-requests-table');
  const row = requests.getByRole('row').filter({ hasText: 'Demo Byalagsmedlem (fiktiv)' });
  await expect(row).toContainText('byalaget i Idre');
  await expectAccessible(leaderPage, 'requests to join, as a leader sees them');
  await row.getByRole('button', { name: 'Godta Demo Byalagsmedlem (fiktiv)' }).focus();
  await leaderPage.keyboard.press('Enter');
  await expect(leaderPage.getByText('Demo Byalagsmedlem (fiktiv) är nu medlem och har fått besked per e-post.')).toBeVisible();
  await expect(leaderPage.getByRole('heading', { level: 2, name: 'Förfrågningar om att gå med' })).toBeFocused();
  await expect(requests).toContainText('Inga förfrågningar väntar.');
  await expect(leaderPage.getByTestId('members-table').getByRole('rowheader', { name: 'Demo Byalagsmedlem (fiktiv)' })).toBeVisible();
  await leader.close();

  // The villager is now a member; the e-mail told them so (read by the platform admin in the outbox).
  await page.reload();
  await expect(page.getByText('Din roll: Medlem')).toBeVisible();
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage);
  await adminPage.goto('/admin/outbox');
  await expect(
    adminPage
      .getByTestId('outbox-message')
      .filter({ hasText: 'byalag@example.org' })
      .getByRole('heading', { name: `Välkommen till ${SERVICE}` }),
  ).toHaveCount(1);
  await admin.close();
});

test('the join policy is chosen in the space form and shown only for public spaces', async ({ page }) => {
  await signIn(page);
  await page.goto('/spaces/new');
  const policy = page.getByRole('group', { name: /Hur man blir medlem/ });
  await expect(policy.getByRole('radio', { name: /Bara genom inbjudan/ })).toBeChecked();
  await policy.getByRole('radio', { name: /På förfrågan/ }).check();
  await page
    .getByRole('group', { name: /Vem kan se arenan/ })
    .getByRole('radio', { name: /Endast medlemmar/ })
    .check();
  await expect(policy).toHaveCount(0);
});

test('joining works on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await signIn(page, 'processledare@example.org', PASSWORD);
  await openSpace(page, SERVICE);
  await expect(page.getByTestId('join-requests-table')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'requests to join at 320 px');
});
