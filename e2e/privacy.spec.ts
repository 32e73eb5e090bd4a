import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn } from './helpers.ts';

// People's data (issue 14 §2): the privacy page, download my data, delete my account, the
// consent-withdrawal page and the register of processing.

test('the privacy page: from the footer, Swedish and English, by keyboard and at 320 px', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Personuppgiftspolicy' }).click();
  await expect(page).toHaveURL(/\/integritet$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Personuppgiftspolicy' })).toBeVisible();
  // The demo configures no controller: the page says it must be configured.
  await expect(page.getByTestId('controller')).toContainText('PRIVACY_CONTROLLER_NAME');
  await expect(page.getByTestId('retention')).toContainText('Svar om kost och tillgänglighet raderas 30 dagar efter träffen.');
  await expect(page.getByRole('heading', { level: 3, name: 'Anmälningar till träffar' })).toBeVisible();
  await expectAccessible(page, 'the privacy page');

  // The English version, reached by keyboard.
  await page.getByRole('link', { name: 'Privacy policy in English' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await expect(page.getByTestId('retention')).toContainText('deleted 90 days after the board closes');
  await expectAccessible(page, 'the English privacy page');

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/integritet');
  await expect(page.getByRole('heading', { level: 1, name: 'Personuppgiftspolicy' })).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the privacy page at 320 px');
});

test('a demo user downloads their data as JSON and as a readable summary', async ({ page }) => {
  await signIn(page, 'byalag@example.org');
  await page.goto('/account');
  const section = page.getByTestId('personal-data');
  await expect(section.getByRole('heading', { level: 2, name: 'Dina uppgifter' })).toBeVisible();
  await expectAccessible(page, 'the account page with the data section');
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Ladda ner mina uppgifter (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^samhandling-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(data.subject.email).toBe('byalag@example.org');
  expect(data.sections.memberships.map((m: { space: { name: string } }) => m.space.name)).toContain('TALKO Lappland');
  const html = await page.request.get('/api/me/data?format=html');
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain('<h1>Mina uppgifter i Samhandling</h1>');
});

test('delete my account: what stays and why, the password again, then signed out for good', async ({ page, baseURL }) => {
  await signIn(page);
  const email = `radera-${Date.now()}@example.org`;
  const created = await page.request.post('/api/admin/users', { data: { email, name: 'Raderas Snart', password: PASSWORD }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  expect((await page.request.post('/api/auth/sign-out', { headers: { origin: baseURL! } })).status()).toBe(204);
  await signIn(page, email);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Radera mitt konto …' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Radera mitt konto' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Det här finns kvar, och varför' })).toBeVisible();
  await expect(page.getByText('Synpunkter i samråd om serviceplaner, utan ditt namn')).toBeVisible();
  await expectAccessible(page, 'the delete-account page');

  // A wrong password is reported at its field, and nothing happens.
  const password = page.getByRole('textbox', { name: /^Nuvarande lösenord/ });
  await password.fill('fel-lösenord-123');
  await page.getByRole('button', { name: 'Radera mitt konto för alltid' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the delete-account page with an error');

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  // By keyboard: type the password and press Enter in the field.
  await password.fill(PASSWORD);
  await password.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Kontot är raderat' })).toBeVisible();
  // Signed out: the (folded, on a phone) main menu offers to sign in.
  await page.getByRole('button', { name: 'Meny', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logga in', exact: true })).toBeVisible();
  await expectAccessible(page, 'the account-deleted page');
  const again = await page.request.post('/api/auth/sign-in', { data: { email, password: PASSWORD }, headers: { origin: baseURL! } });
  expect(again.status()).toBe(401);
});

test('a space’s only admin is told to hand over first', async ({ page }) => {
  await signIn(page, 'region@example.org');
  await page.goto('/account/delete');
  const blocked = page.getByTestId('delete-blocked');
  await expect(blocked).toContainText('Du är ensam administratör för de här arenorna.');
  await expect(blocked.getByRole('link', { name: 'SÖK Samverkan Norrbotten' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Radera mitt konto för alltid' })).toHaveCount(0);
  await expectAccessible(page, 'the delete-account page of a sole admin');
});

test('withdraw consent through the link in an e-mail, without an account; admins read the Art. 30 register', async ({ page, baseURL }) => {
  // Someone sends an input with their e-mail for notices.
  const spaces = (await (await page.request.get('/api/spaces')).json()) as { id: string; name: string }[];
  const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
  const address = `inspel-${Date.now()}@example.org`;
  const sent = await page.request.post(`/api/spaces/${talko.id}/inputs`, { data: { text: 'Vi saknar en laddstolpe i byn', kind: 'need', submitterEmail: address }, headers: { origin: baseURL! } });
  expect(sent.status()).toBe(201);
  // The receipt in the outbox carries the link (read here as an admin would).
  await signIn(page);
  const outbox = (await (await page.request.get(`/api/admin/outbox?to=${encodeURIComponent(address)}`)).json()) as { text: string }[];
  const link = /https?:\/\/[^\s]+\/consent#token=[A-Za-z0-9._-]+/.exec(outbox[0]!.text)![0];
  expect((await page.request.post('/api/auth/sign-out', { headers: { origin: baseURL! } })).status()).toBe(204);

  const url = new URL(link);
  await page.goto(`${url.pathname}${url.hash}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Återkalla samtycke' })).toBeVisible();
  await expect(page.getByText('Det här gäller e-post om inspel')).toContainText('TALKO Lappland');
  await expectAccessible(page, 'the consent page');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.getByRole('button', { name: 'Återkalla mitt samtycke' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Ditt samtycke är återkallat.');
  await expect(page.getByTestId('consent-withdrawn')).toContainText('Vi använder inte längre uppgifterna');
  await expectAccessible(page, 'the consent page after withdrawal');
  // A link without its key says so.
  await page.goto('/consent');
  await expect(page.getByText('Länken saknar sin nyckel.')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Registerförteckning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registerförteckning (art. 30)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Granskningslogg' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ladda ner som CSV' })).toHaveAttribute('href', '/api/admin/privacy/register.csv?lang=sv');
  await expectAccessible(page, 'the register of processing');
});

test('a leader withdraws a person’s consent on their behalf; the withdrawal shows beside the consent', async ({ page, baseURL }) => {
  await signIn(page, 'processledare@example.org');
  const spaces = (await (await page.request.get('/api/spaces')).json()) as { id: string; name: string }[];
  const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
  const name = `Ringde in ${Date.now()}`;
  const created = await page.request.post('/api/people', {
    data: { spaceId: talko.id, name, email: `ringde-${Date.now()}@example.org`, consent: { purpose: 'Kontaktlista', textVersion: 'v1', method: 'verbal' } },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/spaces/${talko.id}/people`);
  const table = page.getByTestId('people-table');
  await table.getByRole('button', { name: `Återkalla samtycke ${name}` }).click();
  const confirm = page.getByRole('group', { name: `Återkalla samtycket för ${name}` });
  await expect(confirm).toContainText('Har personen inget samtycke kvar raderas namn och kontaktuppgifter');
  await expectAccessible(page, 'the people page with a withdrawal to confirm');
  await confirm.getByRole('button', { name: `Ja, återkalla samtycket ${name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('rowheader', { name })).toHaveCount(0);
  // Erased, with when and how beside the consent.
  const row = table.getByRole('row').filter({ hasText: /Muntligt via processledare, .*\(v1\)\. Återkallat .* av en ledare/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toHaveText('borttagen användare');
  await expectAccessible(page, 'the people page after a withdrawal');
});
