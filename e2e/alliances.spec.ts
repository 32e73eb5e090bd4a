import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

test('anyone finds joint initiatives in the directory and on the map, reads one and signs up as a volunteer without an account', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Allianser och initiativ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allianser och gemensamma initiativ' })).toBeVisible();
  await expect(page.getByTestId('directory-initiatives').getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('initiatives-map')).toHaveAttribute('data-point-count', '3');
  await expectAccessible(page, 'the directory of alliances and initiatives');
  await page.getByRole('combobox', { name: 'Agenda 2030-mål' }).selectOption({ value: '13' });
  await expect(page.getByTestId('directory-initiatives').getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Sektor' }).selectOption({ label: 'Näringsliv' });
  await expect(page.getByText('Inget matchar filtren.').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Sektor' }).selectOption({ value: '' });
  await page.getByRole('link', { name: 'Klimatsmarta byar – energikartläggning i tio byar' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Klimatsmarta byar – energikartläggning i tio byar' })).toBeVisible();
  await expect(page.getByTestId('initiative-status')).toHaveText('Pågår');
  await expect(page.getByTestId('partners-table').getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('indicators')).toContainText('Byar som kartlagt sin energianvändning: 4 byar');
  await expect(page.getByTestId('call-counts')).toHaveText('2 av 8 anmälda · 0 timmar givna');
  await page.getByText('Anmäl dig som volontär').click();
  const form = page.getByTestId('volunteer-signup-form');
  await form.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await form.getByRole('textbox', { name: /^Namn/ }).fill('Test Volontär');
  await form.getByRole('textbox', { name: /^E-post/ }).fill(`volontar-${Date.now()}@example.org`);
  await expectAccessible(page, 'an initiative page with the sign-up form');
  await form.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByText('Tack! Vi har skickat ett e-brev med en länk för att bekräfta anmälan.')).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'an initiative page on a phone');
  await page.goto('/initiatives');
  await expect(page.getByTestId('initiatives-map')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the directory on a phone');
});

test("a leader sees the alliance's members, starts a joint initiative and moves it on with the log", async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'Agenda 2030 – med civilsamhället som motor' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Allianser', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allianser – Agenda 2030 – med civilsamhället som motor' })).toBeVisible();
  await expectAccessible(page, "a space's alliances for a leader");
  await page.getByRole('link', { name: 'Alliansen för hållbara bygder i norr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alliansen för hållbara bygder i norr' })).toBeVisible();
  await expect(page.getByTestId('members-table').getByRole('row').filter({ hasText: 'LRF' })).toContainText('Inbjuden');
  await expect(page.getByTestId('initiatives-list').getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'an alliance page for a leader');

  const title = `Skräpplockardag vid älven ${Date.now()}`;
  const form = page.getByTestId('initiative-form');
  await form.getByRole('button', { name: 'Starta initiativet' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await form.getByRole('textbox', { name: /^Titel/ }).fill(title);
  await form.getByLabel(/^Ledande organisation/).selectOption({ label: 'Samforma' });
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Skellefteå' });
  await form.getByRole('button', { name: 'Starta initiativet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('initiative-status')).toHaveText('Idé');

  const edit = page.getByTestId('edit-initiative-form');
  await edit.getByLabel(/^Status/).selectOption({ label: 'Pågår' });
  await edit.getByRole('textbox', { name: /^Indikatorer/ }).fill('Skräp insamlat = 212,5 kg');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByTestId('initiative-status')).toHaveText('Pågår');
  await expect(page.getByTestId('indicators')).toContainText('Skräp insamlat: 212,5 kg');
  const post = page.getByTestId('post-update-form');
  await post.getByRole('textbox', { name: /^Skriv en uppdatering/ }).fill('Säckar och handskar är beställda.');
  await post.getByRole('button', { name: 'Publicera uppdateringen' }).click();
  await expect(page.getByTestId('update-log').getByRole('listitem').first()).toContainText('Säckar och handskar är beställda.');
  await expect(page.getByTestId('update-log')).toContainText('Status ändrad till ”Pågår”.');

  // The lead keeps the day's report with the initiative; a web page named .pdf is refused by content.
  const upload = page.getByTestId('initiative-upload-form');
  await upload.getByLabel(/^Fil/).setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>inte en pdf</body></html>') });
  await upload.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('initiative-documents')).toHaveCount(0);
  await upload.getByLabel(/^Fil/).setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await upload.getByRole('textbox', { name: /^Rubrik/ }).fill('Rapport från städdagen');
  await upload.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByTestId('initiative-documents').getByRole('link', { name: 'Rapport från städdagen' })).toBeVisible();
  await expect(upload.getByRole('textbox', { name: /^Rubrik/ })).toHaveValue('');
  await expectAccessible(page, 'an initiative page for its leader');
});
