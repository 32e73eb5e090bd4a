import { expect, request as requests, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn, signInWithForm } from './helpers.ts';

/** A request context of its own (its own cookies), signed in by the API when `email` is given. */
async function apiAs(baseURL: string, email?: string, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  const context = await requests.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, ...headers } });
  if (email) expect((await context.post('/api/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(200);
  return context;
}

test('API tokens get a scope on the account page; a read token may only read and no token makes tokens', async ({ page, baseURL }) => {
  await signIn(page, 'byalag@example.org');
  await page.goto('/account');
  const tokens = page.getByRole('region', { name: 'API-nycklar' });
  await expect(tokens.getByRole('radio', { name: /^Läsa\s*Bara hämta/ })).toBeChecked();
  // Only platform admins are offered the admin scope.
  await expect(tokens.getByRole('radio', { name: /administrera/ })).toHaveCount(0);
  await tokens.getByLabel('Namn på nyckeln').fill('Bygdens bokningssystem');
  await tokens.getByRole('button', { name: 'Skapa nyckel' }).click();
  const secret = (await page.getByTestId('new-token').locator('code').innerText()).trim();
  await expect(page.getByTestId('tokens-table').getByRole('row', { name: /Bygdens bokningssystem/ })).toContainText('Läsa');
  await expectAccessible(page, 'the account page with a new token');

  await tokens.getByLabel('Namn på nyckeln').fill('Rapportverktyget');
  await tokens.getByRole('radio', { name: /^Läsa och ändra/ }).check();
  await tokens.getByRole('button', { name: 'Skapa nyckel' }).click();
  await expect(page.getByTestId('tokens-table').getByRole('row', { name: /Rapportverktyget/ })).toContainText('Läsa och ändra');

  const api = await requests.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await (await api.get('/api/me')).json()).user.email).toBe('byalag@example.org');
  const write = await api.post('/api/spaces', { data: { name: 'Via läsnyckel', kind: 'project', visibility: 'public' } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toContain('Nyckeln får bara läsa');
  expect((await api.post('/api/me/tokens', { data: { name: 'Ny från nyckel' } })).status()).toBe(403);
  await api.dispose();

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const name of ['Bygdens bokningssystem', 'Rapportverktyget']) {
    await page.getByRole('button', { name: `Återkalla ${name}` }).click();
    await expect(page.getByTestId('tokens-table').getByRole('rowheader', { name })).toHaveCount(0);
  }
});

test('a locked account: the sign-in page explains the way in, and the e-mailed unlock link lets this browser sign in', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, ADMIN);
  const email = `sparrad-${Date.now()}@example.org`;
  const ownPassword = 'Vinterns långa lösen 7';
  expect((await admin.post('/api/admin/users', { data: { email, name: 'Sara Spärrad', password: ownPassword } })).status()).toBe(201);

  // Someone guesses from many addresses: ten wrong passwords lock password sign-in for new browsers.
  for (let i = 0; i < 10; i++) {
    const stranger = await apiAs(baseURL!, undefined, { 'x-forwarded-for': `192.0.2.${i + 1}` });
    expect((await stranger.post('/api/auth/sign-in', { data: { email, password: `gissning-${i}` } })).status()).toBe(401);
    await stranger.dispose();
  }

  // The owner, in a browser that never signed in to the account, is refused even with the right password.
  await page.goto('/sign-in');
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(ownPassword);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByTestId('error-summary')).toContainText('tillfälligt spärrad');
  await expect(page.getByTestId('lock-help')).toContainText('upplåsningslänken');
  await expectAccessible(page, 'the sign-in page explaining a lock');
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The lock e-mailed the owner an unlock link, once.
  const outbox = await (await admin.get(`/api/admin/outbox?to=${encodeURIComponent(email)}`)).json();
  const unlockMails = outbox.filter((m: { subject: string }) => m.subject === 'Inloggningen till ditt Samhandling-konto är spärrad');
  expect(unlockMails).toHaveLength(1);
  const link = (unlockMails[0].text as string).match(/https?:\/\/\S+\/sign-in\/unlock#token=\S+/)?.[0];
  expect(link, 'unlock link in the mail').toBeTruthy();
  await admin.dispose();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Lås upp inloggningen' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('den här webbläsaren kan nu logga in');
  expect(page.url()).not.toContain('token=');
  await expectAccessible(page, 'the unlock page');
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'Till inloggningen' }).click();
  await signInWithForm(page, email, ownPassword);
});
