import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

const LEADER = 'processledare@example.org';

test('anyone sees the working groups and what they lack, but not who the people are', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('link', { name: 'Arbetsgrupper', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arbetsgrupper – TALKO Lappland' })).toBeVisible();
  await expect(page.getByTestId('group-card')).toHaveCount(4);
  const sorsele = page.getByTestId('group-card').filter({ hasText: 'Lokal arbetsgrupp Sorsele' });
  await expect(sorsele).toContainText('4 medlemmar');
  await expect(sorsele.getByTestId('balance')).toContainText('Saknas: 3 offentlig sektor, 4 näringsliv, 1 civilsamhälle.');
  await expectAccessible(page, 'the working groups page');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the working groups page on a phone');
  await sorsele.getByRole('link', { name: 'Lokal arbetsgrupp Sorsele' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lokal arbetsgrupp Sorsele' })).toBeVisible();
  await expect(page.getByText('Vilka personerna är visas bara för arenans ledare.')).toBeVisible();
  await expect(page.getByText('Anna Exempel (fiktiv)')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sorsele kommun' })).toBeVisible();
  await expectAccessible(page, 'a working group page for the public, on a phone');
});

test('a leader forms a group, adds a member and changes the targets; the balance follows', async ({ page }) => {
  const stamp = Date.now();
  const name = `Lokal arbetsgrupp Lycksele ${stamp}`;
  await signIn(page, LEADER);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('link', { name: 'Arbetsgrupper', exact: true }).first().click();
  const form = page.getByTestId('group-form');
  await form.getByRole('button', { name: 'Skapa gruppen' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await form.getByRole('textbox', { name: /^Namn/ }).fill(name);
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Lycksele' });
  await form.getByRole('button', { name: 'Skapa gruppen' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('balance')).toContainText(
    'Saknas: 4 offentlig sektor, 4 näringsliv, 4 civilsamhälle, 1 ungdomsrepresentant.',
  );

  const member = page.getByTestId('member-form');
  await member.getByLabel(/^Person/).selectOption({ label: 'Anna Exempel (fiktiv)' });
  await expect(member.getByLabel(/^Organisation/)).toHaveValue(/.+/);
  await member.getByRole('button', { name: 'Lägg till i gruppen' }).click();
  await expect(page.getByText('Anna Exempel (fiktiv) är tillagd i gruppen.')).toBeVisible();
  await expect(page.getByTestId('group-members').getByRole('row').filter({ hasText: 'Anna Exempel (fiktiv)' })).toContainText(
    'Sorsele kommun',
  );
  await expect(page.getByTestId('balance')).toContainText('Saknas: 3 offentlig sektor');

  await member.getByLabel(/^Person/).selectOption({ label: 'Unga Ungdomsrepresentant (fiktiv)' });
  await expect(member.getByRole('checkbox', { name: 'Ungdomsrepresentant i gruppen' })).toBeChecked();
  await member.getByRole('button', { name: 'Lägg till i gruppen' }).click();
  await expect(page.getByTestId('group-members').getByRole('row')).toHaveCount(3);

  const targets = page.getByTestId('targets-form');
  await targets.getByRole('textbox', { name: 'Offentlig sektor' }).fill('1');
  await targets.getByRole('textbox', { name: 'Näringsliv' }).fill('0');
  await targets.getByRole('textbox', { name: 'Civilsamhälle' }).fill('1');
  await targets.getByRole('button', { name: 'Spara målen' }).click();
  await expect(page.getByText('Målen är sparade.')).toBeVisible();
  await expect(page.getByTestId('balance')).toContainText('Gruppen har alla den ska ha.');
  await expectAccessible(page, 'a working group page for its leader');
  await targets.getByRole('textbox', { name: 'Näringsliv' }).fill('-2');
  await targets.getByRole('button', { name: 'Spara målen' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectAccessible(page, 'the targets form with an error');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
});
