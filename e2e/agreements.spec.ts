import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

/** The regional coordinator leads SÖK and represents Region Norrbotten (demo). */
const COORDINATOR = 'region@example.org';

test("SÖK's agreement: adoption by the last party, signing, the public page", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'SÖK Samverkan Norrbotten' }).click();
  await page.getByRole('link', { name: 'Överenskommelser', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Överenskommelser i SÖK Samverkan Norrbotten' })).toBeVisible();
  const card = page.getByTestId('agreement-card');
  await expect(card.getByTestId('adoption-progress')).toHaveText('2 av 3 parter har antagit');
  await expectAccessible(page, 'the agreements of a space');
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Överenskommelse om samverkan/ })).toBeVisible();
  await expect(page.getByTestId('adoption-progress')).toHaveText('2 av 3 parter har antagit');
  await expect(page.getByTestId('agreement-parties').getByRole('row').filter({ hasText: 'Samforma' })).toContainText('Samformas styrelse, 29 jan. 2021, § 7');
  // Samforma's protocol extract (demo) is on file.
  await expect(page.getByTestId('agreement-parties').getByRole('row').filter({ hasText: 'Samforma' }).getByTestId('extract-link')).toContainText(/^Protokollsutdrag \(PDF, \d+ kB\)/);
  // Compare the remiss version with the one out for adoption, section by section.
  const compare = page.getByTestId('compare-table');
  await expect(compare.getByRole('row').filter({ hasText: 'Principer' })).toContainText('Ändrat');
  await expect(compare.getByRole('row').filter({ hasText: 'Anslutning' })).toContainText('Tillagt');
  await expect(page.getByTestId('agreement-comments').getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'an agreement page for its leader');

  // Region Norrbotten's council adopts: the agreement comes into force.
  const form = page.getByTestId('adoption-form');
  await form.getByLabel(/^Part/).selectOption({ label: 'Region Norrbotten' });
  await form.getByRole('textbox', { name: /^Beslutsorgan/ }).fill('Regionfullmäktige');
  await form.getByLabel(/^Beslutsdatum/).fill('2021-04-21');
  await form.getByRole('textbox', { name: /^Protokollsparagraf/ }).fill('§ 63');
  await form.getByRole('button', { name: 'Registrera beslutet' }).press('Enter');
  await expect(page.getByTestId('adoption-progress')).toHaveText('3 av 3 parter har antagit');
  await expect(page.getByTestId('agreement-status')).toHaveText('Gäller');

  // The leader uploads the council's protocol extract for Region Norrbotten and sees the link.
  const extractForm = page.getByTestId('extract-form');
  await extractForm.getByLabel('Partens beslut').selectOption({ label: 'Region Norrbotten (Regionfullmäktige, 21 apr. 2021)' });
  await extractForm.locator('input[type=file]').setInputFiles({
    name: 'Protokollsutdrag regionfullmäktige § 63.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Regionfullmäktige 2021-04-21 § 63\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await extractForm.getByRole('button', { name: 'Ladda upp protokollsutdraget' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Protokollsutdraget för Region Norrbotten är uppladdat.' })).toBeVisible();
  const regionExtract = page.getByTestId('agreement-parties').getByRole('row').filter({ hasText: 'Region Norrbotten' }).getByTestId('extract-link');
  await expect(regionExtract).toHaveText('Protokollsutdrag (PDF, 1 kB) för Region Norrbotten');
  const download = page.waitForEvent('download');
  await regionExtract.click();
  expect((await download).suggestedFilename()).toBe('Protokollsutdrag regionfullmäktige § 63.pdf');

  // The named signatory signs the adopted version.
  await page.getByRole('button', { name: 'Underteckna för Region Norrbotten' }).click();
  const signature = page.getByTestId('agreement-signatures').getByRole('row').filter({ hasText: 'Region Norrbotten' });
  await expect(signature).toContainText('Regional samordnare (fiktiv)');
  await expectAccessible(page, 'an agreement in force');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);

  // Anyone sees the public page.
  await page.getByRole('link', { name: 'Offentlig sida' }).click();
  await expect(page.getByTestId('public-parties').getByRole('row').filter({ hasText: 'Region Norrbotten' })).toContainText('Regionfullmäktige');
  await expect(page.getByTestId('public-parties').getByRole('row').filter({ hasText: 'Region Norrbotten' }).getByTestId('extract-link')).toContainText('Protokollsutdrag (PDF, 1 kB)');
  await expect(page.getByTestId('agreement-signatures').getByRole('row')).toHaveCount(3);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the public page of an agreement on a phone');
});

test('a leader drafts an agreement by keyboard, adds the parties and sends it on remiss; a party comments and is answered', async ({ page }) => {
  const title = `Överenskommelse om ungas inflytande ${Date.now()}`;
  await signIn(page, COORDINATOR);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'SÖK Samverkan Norrbotten' }).click();
  await page.getByRole('link', { name: 'Överenskommelser', exact: true }).first().click();
  const create = page.getByTestId('agreement-form');
  await create.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  await create.getByRole('textbox', { name: /^Rubrik/ }).press('Tab');
  await page.keyboard.type('Hur regionen, länsstyrelsen och civilsamhället ger unga inflytande.');
  await create.getByRole('button', { name: 'Skapa utkast' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Write the text: the first section, then one more.
  await page.getByText('Redigera texten').click();
  const sections = page.getByTestId('sections-form');
  await sections.getByRole('textbox', { name: /^Text/ }).first().fill('Unga i Norrbotten ska ha verkligt inflytande över frågor som rör dem.');
  await sections.getByRole('button', { name: 'Lägg till avsnitt' }).click();
  await sections.getByRole('textbox', { name: /^Rubrik/ }).nth(1).fill('Åtaganden');
  await sections.getByRole('textbox', { name: /^Text/ }).nth(1).fill('Parterna bjuder in ungdomsråden till samverkansrådet.');
  await sections.getByRole('button', { name: 'Spara som ny version' }).press('Enter');
  await expect(page.getByText('Sparat som version 2.')).toBeVisible();
  await expect(page.getByTestId('compare-table').getByRole('row').filter({ hasText: 'Åtaganden' })).toContainText('Tillagt');

  const party = page.getByTestId('party-form');
  for (const name of ['Region Norrbotten', 'Samforma']) {
    await party.getByLabel(/^Organisation/).selectOption({ label: name });
    await party.getByRole('button', { name: 'Lägg till part' }).press('Enter');
    await expect(page.getByTestId('agreement-parties').getByRole('row').filter({ hasText: name })).toContainText('Inbjuden');
  }
  await page.getByRole('button', { name: 'Skicka på remiss' }).click();
  await expect(page.getByTestId('agreement-status')).toHaveText('På remiss');
  await expect(page.getByTestId('adoption-progress')).toHaveText('0 av 2 parter har antagit');

  // The coordinator speaks for Region Norrbotten: a comment on a section, then the leaders' answer.
  const comment = page.getByTestId('comment-form');
  await comment.getByLabel(/^Part/).selectOption({ label: 'Region Norrbotten' });
  await comment.getByLabel(/^Avsnitt/).selectOption({ label: '2. Åtaganden' });
  await comment.getByRole('textbox', { name: /^Synpunkt/ }).fill('Ange hur ofta ungdomsråden bjuds in.');
  await comment.getByRole('button', { name: 'Skicka synpunkt' }).click();
  const item = page.getByTestId('agreement-comments').getByRole('listitem').filter({ hasText: 'Ange hur ofta' });
  await expect(item).toContainText('Åtaganden');
  await item.getByRole('textbox', { name: 'Svar' }).fill('Två gånger per år.');
  await item.getByRole('button', { name: 'Svara' }).click();
  await expect(item).toContainText('Svar: Två gånger per år.');
  await expectAccessible(page, 'an agreement on remiss for its leader');
  await page.getByRole('button', { name: 'Skicka för antagande' }).click();
  await expect(page.getByTestId('agreement-status')).toHaveText('För antagande');
});
