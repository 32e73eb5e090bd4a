import { expect, test } from '@playwright/test';
import { ADMIN, expectAccessible, PASSWORD, signIn } from './helpers.ts';

test('sign-in page is accessible and shows the API errors next to the fields', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expectAccessible(page, 'the sign-in page');

  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const email = page.locator('#signin-email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`#${describedBy.split(' ').pop()}`)).toContainText('e-postadress');
  await expectAccessible(page, 'the sign-in page with errors');

  await email.fill(ADMIN);
  await page.locator('#signin-password').fill('not-the-password');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(summary).toContainText('Fel e-postadress eller lösenord.');
});

test('signing in works with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  const email = page.locator('#signin-email');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    if (await email.evaluate((el) => el === el.ownerDocument.activeElement)) break;
  }
  await expect(email).toBeFocused();
  await page.keyboard.type(ADMIN);
  await page.keyboard.press('Tab');
  await expect(page.locator('#signin-password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  // Signing out ends the session.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();
  const me = await (await page.request.get('/api/me')).json();
  expect(me.user).toBeNull();
});

test('magic link: request one, then sign in with the link from the outbox', async ({ page, browser }) => {
  await page.goto('/sign-in');
  await page.locator('#magic-email').fill('byalag@example.org');
  await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'byalag@example.org' })).toBeVisible();

  // The admin reads the mail in the outbox.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto('/sign-in');
  await adminPage.locator('#signin-email').fill(ADMIN);
  await adminPage.locator('#signin-password').fill(PASSWORD);
  await adminPage.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(adminPage.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
  await adminPage.goto('/admin/outbox');
  await adminPage.getByLabel('Mottagare').fill('byalag@example.org');
  await adminPage.getByRole('button', { name: 'Filtrera' }).click();
  const mail = adminPage.getByTestId('outbox-message').filter({ hasText: 'Din inloggningslänk' }).first();
  await mail.getByText('Visa meddelandet').click();
  const text = await mail.getByTestId('outbox-text').innerText();
  const link = text.match(/https?:\/\/\S+\/sign-in\/link#token=\S+/)?.[0];
  expect(link).toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
  await expect(page.getByText('Demo Byalagsmedlem (fiktiv)')).toBeVisible();
  // The one-time token is gone from the address bar.
  expect(page.url()).not.toContain('token=');
});

test('forgotten password: reset through the link from the outbox', async ({ page, browser }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet' })).toBeVisible();
  await expectAccessible(page, 'the forgot password page');
  await page.getByRole('textbox', { name: /^E-postadress/ }).fill('region@example.org');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('status')).toContainText('region@example.org');

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage);
  await adminPage.goto('/admin/outbox');
  const mail = adminPage
    .getByTestId('outbox-message')
    .filter({ hasText: 'region@example.org' })
    .filter({ hasText: 'Återställ ditt lösenord' })
    .first();
  await mail.getByText('Visa meddelandet').click();
  const link = (await mail.getByTestId('outbox-text').innerText()).match(/https?:\/\/\S+\/reset-password#token=\S+/)?.[0];
  expect(link, 'reset link in the mail').toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' })).toBeVisible();
  await expectAccessible(page, 'the reset password page');
  await page.getByRole('textbox', { name: /^Nytt lösenord/ }).fill('kort');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Lösenordet måste vara minst 10 tecken.');
  await page.getByRole('textbox', { name: /^Nytt lösenord/ }).fill('Ett helt nytt lösenord 2026');
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(page.getByText('Ditt nya lösenord är sparat och du är inloggad.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toContainText('Demo Regional samordnare');
  // The shared demo account gets its password back, for the tests that sign in as it later.
  await page.getByRole('textbox', { name: /^Nuvarande lösenord/ }).fill('Ett helt nytt lösenord 2026');
  await page.getByRole('textbox', { name: /^Nytt lösenord/ }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet är bytt.')).toBeVisible();
});

test('the organisation sign-in button appears only when OIDC is configured', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByTestId('oidc-button')).toHaveCount(0);

  await page.route('**/api/settings', async (route) => {
    const response = await route.fetch();
    const settings = await response.json();
    await route.fulfill({ response, json: { ...settings, oidc: { name: 'Kommunens konto' } } });
  });
  await page.goto('/sign-in?returnTo=/account');
  const button = page.getByRole('link', { name: 'Logga in med Kommunens konto' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('href', '/api/auth/oidc/start?returnTo=%2Faccount');
  await expectAccessible(page, 'the sign-in page with OIDC');
});
