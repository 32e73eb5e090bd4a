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
  await expect(page.getByTestId('agreement-signatures').getByRole('row')).toHaveCount(3);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the public page of an agreement on a phone');
});
