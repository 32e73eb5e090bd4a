import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the audit log shows who created a space', async ({ page }) => {
  const name = `Granskad arena ${Date.now()}`;
  await page.goto('/spaces/new');
  await page.getByRole('textbox', { name: /^Namn/ }).fill(name);
  await page.getByLabel('Sök kommun').fill('Arjeplog');
  await page.getByRole('checkbox', { name: /^Arjeplog \(/ }).check();
  await page.getByRole('button', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const spaceId = page.url().match(/spaces\/([0-9a-f-]{36})/)![1]!;

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Händelse/ }).fill('space.create');
  await page.getByLabel('Typ av objekt').selectOption({ label: 'Arena' });
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await expect(page).toHaveURL(/action=space.create/);
  const row = page.getByTestId('audit-table').getByRole('row').filter({ hasText: spaceId });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('audit-action')).toHaveText('Skapade en arena');
  await expect(row.getByRole('rowheader')).toContainText('Kod: space.create');
  await expect(row).toContainText('Demo Administratör');
  // Every row matches the filter (asserted with retries: the unfiltered list may still be on screen
  // for a moment after the address changes).
  const headers = page.getByTestId('audit-table').getByRole('rowheader');
  await expect(headers.filter({ hasNotText: 'Kod: space.create' })).toHaveCount(0);
  expect(await headers.count()).toBeGreaterThan(0);
  await expectAccessible(page, 'the audit log');
});

test('the audit log says what happened in words, with the details as labelled fields and no JSON (issue 13 §4)', async ({ page }) => {
  await page.goto('/admin/audit?action=session.start');
  const table = page.getByTestId('audit-table');
  await expect(table.getByTestId('audit-action').first()).toHaveText('Loggade in');
  await expect(table.getByRole('rowheader').first()).toContainText('Kod: session.start');
  // How each one signed in, in words: "Sätt: lösenord", not the code "password".
  const methods = (await table.getByTestId('audit-details').allInnerTexts()).join('\n');
  expect(methods).toContain('lösenord');
  expect(methods).not.toMatch(/\b(password|magic_link)\b/);

  // The whole first page, all kinds of events: labels, not codes; fields, not JSON.
  await page.goto('/admin/audit');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const text = await table.innerText();
  expect(text).not.toContain('{');
  expect(text).not.toContain('":');
  const labels = await table.getByTestId('audit-action').allInnerTexts();
  expect(labels.length).toBeGreaterThan(10);
  for (const label of labels) expect(label, 'an action shown in words').not.toMatch(/^[a-z_]+\.[a-z_.]+$/);
  // The demo's space creations name their municipalities, labelled.
  await page.goto('/admin/audit?action=space.create');
  const details = table.getByTestId('audit-details').first();
  await expect(details.getByRole('term').first()).toBeVisible();
  await expect(details).toContainText('Kommunkoder');
  await expect(details).not.toContainText('{');
  // A space's kind and how one joins it, in words ("Hur man går med: bara genom inbjudan").
  const spaceDetails = (await table.getByTestId('audit-details').allInnerTexts()).join('\n');
  expect(spaceDetails).toContain('bara genom inbjudan');
  expect(spaceDetails).not.toMatch(/\b(municipal|project|regional|invitation|request)\b/);
  await expectAccessible(page, 'the audit log in words');

  await page.setViewportSize({ width: 320, height: 640 });
  await expectAccessible(page, 'the audit log on a phone');
});

test('admin users page lists the accounts and is accessible', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('rowheader', { name: 'Demo Processledare (fiktiv)' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'admin@example.org' })).toContainText('Plattformsadministratör');
  await expectAccessible(page, 'the admin users page');

  const email = `ny.anvandare.${Date.now()}@example.org`;
  await page.locator('#newuser-name').fill('Ulla Användare');
  await page.locator('#newuser-email').fill(email);
  await page.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(page.getByText('Ulla Användare är skapad.')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: email })).toBeVisible();
});

test('admin spaces page lists all spaces, archived ones too', async ({ page }) => {
  await page.goto('/admin/spaces');
  await expect(page.getByRole('heading', { level: 1, name: 'Alla arenor' })).toBeVisible();
  await expect(page.getByTestId('admin-spaces-table').getByRole('link', { name: 'SÖK Samverkan Norrbotten' })).toBeVisible();
  await expectAccessible(page, 'the admin spaces page');
});

test('admin localities: CSV preview shows each bad row with its reason', async ({ page }) => {
  await page.goto('/admin/localities');
  await expect(page.getByRole('heading', { level: 1, name: 'Orter' })).toBeVisible();
  await expect(page.getByTestId('localities-table').getByRole('rowheader', { name: 'Ammarnäs' })).toBeVisible();
  await expectAccessible(page, 'the admin localities page');

  await page
    .getByLabel('CSV-innehåll')
    .fill(
      [
        'name,municipality_code,lon,lat,population',
        'Gargnäs,2422,17.96,65.31,120',
        'Fjällbyn,2422,17.5,99,10',
        'Ingenstans,9999,17.5,65.5,',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('1 nya, 0 uppdaterade, 2 rader med fel.');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) })).toContainText(
    'Latituden ska ligga mellan 55 och 70',
  );
  await expect(errors.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) })).toContainText(
    'Okänd kommunkod',
  );
  await expect(page.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
  await expectAccessible(page, 'the CSV preview');

  // Fixed: the preview allows the import, and the new locality appears.
  await page.getByLabel('CSV-innehåll').fill(['name,municipality_code,lon,lat,population', 'Gargnäs,2422,17.96,65.31,120'].join('\n'));
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(preview).toContainText('1 nya, 0 uppdaterade, 0 rader med fel.');
  await page.getByRole('button', { name: 'Importera 1 ort' }).click();
  await expect(page.getByText('Importen är klar: 1 nya och 0 uppdaterade orter.')).toBeVisible();
  await expect(page.getByTestId('localities-table').getByRole('rowheader', { name: 'Gargnäs' })).toBeVisible();
});

test('admin outbox page is accessible', async ({ page }) => {
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Utkorg' })).toBeVisible();
  await expectAccessible(page, 'the admin outbox page');
});
