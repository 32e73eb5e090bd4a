import { expect, test } from '@playwright/test';
import { expectAccessible, PASSWORD, signIn } from './helpers.ts';

test('account page: language saved to the account, API tokens shown once', async ({ page }) => {
  await signIn(page, 'processledare@example.org');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mitt konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect(page.getByTestId('sessions-table')).toContainText('den här');
  await expectAccessible(page, 'the account page');

  await page.getByLabel('Namn på nyckeln').fill('Kommunens GIS');
  await page.getByRole('button', { name: 'Skapa nyckel' }).click();
  const secret = page.getByTestId('new-token');
  await expect(secret).toContainText('Nyckeln Kommunens GIS är skapad.');
  const token = (await secret.locator('code').innerText()).trim();
  expect(token.length).toBeGreaterThan(20);
  await expect(page.getByTestId('tokens-table').getByRole('rowheader', { name: 'Kommunens GIS' })).toBeVisible();
  // The secret is not shown again after a reload.
  await page.reload();
  await expect(page.getByTestId('tokens-table').getByRole('rowheader', { name: 'Kommunens GIS' })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole('button', { name: 'Återkalla Kommunens GIS' }).click();
  await expect(page.getByText('Du har inga API-nycklar.')).toBeVisible();

  // Switching language while signed in is saved to the account as well.
  await page.getByRole('button', { name: 'Switch language to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).user.language).toBe('en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await page.getByRole('button', { name: 'Byt språk till svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).user.language).toBe('sv');

  // Change the password: a wrong current password is reported at its field.
  await page.getByRole('textbox', { name: /^Nuvarande lösenord/ }).fill('fel-lösenord-123');
  await page.getByRole('textbox', { name: /^Nytt lösenord/ }).fill('Höstens nya lösenord 42');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Nuvarande lösenord/ })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: /^Nuvarande lösenord/ }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet är bytt. Dina andra inloggningar är avslutade.')).toBeVisible();

  // Sign out from the account page; the new password works.
  await page.getByRole('main').getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();
  await signIn(page, 'processledare@example.org', 'Höstens nya lösenord 42');

  // The shared demo account gets its password back, for the tests that sign in as it later.
  await page.goto('/account');
  await page.getByRole('textbox', { name: /^Nuvarande lösenord/ }).fill('Höstens nya lösenord 42');
  await page.getByRole('textbox', { name: /^Nytt lösenord/ }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet är bytt. Dina andra inloggningar är avslutade.')).toBeVisible();
});
