import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

const LEADER = 'processledare@example.org';

test("anyone follows SÖK's action plan: indicator charts with tables, and a timeline usable by keyboard and as a table", async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'SÖK Samverkan Norrbotten' }).click();
  await page.getByRole('link', { name: 'Handlingsplaner', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingsplaner – SÖK Samverkan Norrbotten' })).toBeVisible();
  await page.getByRole('link', { name: 'Handlingsplan för samverkan i Norrbotten 2026–2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingsplan för samverkan i Norrbotten 2026–2027' })).toBeVisible();
  await expect(page.getByTestId('measure-card')).toHaveCount(5);
  // Each indicator: a chart (SVG with a title) and its figures as a table.
  const indicator = page.getByTestId('indicator').filter({ hasText: 'Deltagare i utbildningarna' }).first();
  await expect(indicator.getByTestId('indicator-chart').locator('svg')).toBeVisible();
  await expect(indicator.getByTestId('indicator-table').getByRole('row')).toHaveCount(4);
  await expect(indicator.getByTestId('indicator-table')).toContainText('160 personer');
  // The timeline: bars are links in the tab order, milestones can be focused and read.
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-bar')).toHaveCount(5);
  await timeline.getByTestId('timeline-bar').first().focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Delmål /);
  await expectAccessible(page, 'an action plan with indicator charts and the timeline');
  await page.getByTestId('timeline-as-table').click();
  await expect(page.getByTestId('timeline-table')).toContainText('Vägledningen på remiss');
  await expectAccessible(page, 'the timeline as a table');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'an action plan on a phone');
});

test("a leader records an indicator value and marks a Sorsele measure done, closing its input; the input's page shows the trail", async ({ page }) => {
  await signIn(page, LEADER);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('link', { name: 'Handlingsplaner', exact: true }).first().click();
  await page.getByRole('link', { name: 'Lokal handlingsplan Sorsele 2026–2027' }).click();
  await page.getByTestId('measure-card').getByRole('link', { name: 'Ungdomarnas träffpunkt i Ammarnäs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ungdomarnas träffpunkt i Ammarnäs' })).toBeVisible();
  await expect(page.getByTestId('participants')).toContainText('Studieförbundet Vuxenskolan');
  await expect(page.getByTestId('measure-inputs')).toContainText('En träffpunkt för unga i Ammarnäs');

  await page.getByText('Registrera ett värde för Unga som besöker träffpunkten').click();
  const value = page.getByTestId('value-form');
  await value.getByRole('button', { name: 'Registrera värdet' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await value.getByRole('textbox', { name: /^Värde/ }).fill('12');
  await value.getByRole('textbox', { name: /^Källa/ }).fill('Närvarolista');
  await value.getByRole('button', { name: 'Registrera värdet' }).click();
  await expect(page.getByTestId('indicator-table')).toContainText('12 personer per vecka');
  await expect(page.getByTestId('indicator-chart').locator('svg')).toBeVisible();

  const status = page.getByTestId('measure-status-form');
  await status.getByLabel(/^Status/).selectOption({ label: 'Genomförd' });
  await status.getByRole('textbox', { name: /^Resultat/ }).fill('Träffpunkten har öppnat i bygdegården två kvällar i veckan.');
  await expect(status.getByRole('checkbox', { name: /Avsluta åtgärdens 1 öppna inspel/ })).toBeChecked();
  await expectAccessible(page, 'a measure page for its leader');
  await status.getByRole('button', { name: 'Spara status' }).click();
  await expect(page.getByText('Åtgärden är sparad.')).toBeVisible();
  await expect(page.getByTestId('measure-inputs')).toContainText('Genomfört');

  await page.getByTestId('measure-inputs').getByRole('link').first().click();
  const trail = page.getByTestId('input-trail');
  await expect(trail).toContainText('Ungdomarnas träffpunkt i Ammarnäs');
  await expect(trail).toContainText('Lokal handlingsplan Sorsele 2026–2027');
  await expect(trail).toContainText('12 personer per vecka');
  await expect(trail).toContainText('Träffpunkten har öppnat i bygdegården två kvällar i veckan.');
  await expectAccessible(page, 'an input page with its trail');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
});

test("SÖK's coordinator edits a measure by keyboard: a participant with hours and money, a milestone, a funding source; errors sit by their field", async ({ page }) => {
  await signIn(page, 'region@example.org');
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'SÖK Samverkan Norrbotten' }).click();
  await page.getByRole('link', { name: 'Handlingsplaner', exact: true }).first().click();
  await page.getByRole('link', { name: 'Handlingsplan för samverkan i Norrbotten 2026–2027' }).click();
  await page.getByTestId('measure-card').getByRole('link', { name: 'Följeforskning om samverkan mellan sektorerna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Följeforskning om samverkan mellan sektorerna' })).toBeVisible();
  const sectors = page.getByLabel('Sektorer som deltar');
  await expect(sectors).not.toContainText('Näringsliv');

  await page.getByRole('button', { name: 'Redigera åtgärden' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('measure-edit-form');
  await expect(form.getByTestId('participant-rows-row')).toHaveCount(1);

  // A participant: the add button puts focus on the new row's organisation.
  await form.getByRole('button', { name: 'Lägg till en deltagare' }).focus();
  await page.keyboard.press('Enter');
  const organisation = form.getByRole('combobox', { name: /^Organisation/ }).nth(1);
  await expect(organisation).toBeFocused();
  await organisation.selectOption({ label: 'Fjälltransport i Arvidsjaur AB (exempel)' });
  await page.keyboard.press('Tab');
  await page.keyboard.type('Skjutsar intervjupersoner från inlandet');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12,5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4 500');

  // A milestone without a date, and a funding source.
  await form.getByRole('button', { name: 'Lägg till ett delmål' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('textbox', { name: /^Delmål/ }).nth(2)).toBeFocused();
  await page.keyboard.type('Workshop med föreningarna');
  await form.getByRole('button', { name: 'Lägg till en finansiering' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('textbox', { name: /^Finansiär eller källa/ }).nth(1)).toBeFocused();
  await page.keyboard.type('Norrbottens bildningsförbund, projektstöd');
  await page.keyboard.press('Tab');
  await page.keyboard.type('15 000');

  // One of the old milestones goes: focus returns to the add button.
  await form.getByRole('button', { name: 'Ta bort delmål 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('button', { name: 'Lägg till ett delmål' })).toBeFocused();
  await expect(form.getByTestId('milestone-rows-row')).toHaveCount(2);

  await form.getByRole('button', { name: 'Spara åtgärden' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-summary')).toBeFocused();
  const date = form.getByTestId('milestone-rows-row').nth(1).getByLabel(/^Datum/);
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('milestone-rows-row').nth(1).locator('.field__error')).toBeVisible();
  await expect(page.getByTestId('error-summary').getByRole('link', { name: /^Delmål 2: Datum/ })).toBeVisible();
  await expectAccessible(page, 'the measure editor with an error in a row');

  // The end before the start: the error sits by the end date.
  await date.fill('2027-05-20');
  await form.getByLabel(/^Slutar/).fill('2026-01-31');
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(form.getByLabel(/^Slutar/)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#measure-edit-endDate-error')).toBeVisible();
  await form.getByLabel(/^Slutar/).fill('2027-12-31');
  // Where: one of the space's municipalities.
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Kiruna' });

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the measure editor on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(page.getByText('Åtgärden är sparad.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redigera åtgärden' })).toBeFocused();
  const participants = page.getByTestId('participants');
  await expect(participants).toContainText('Fjälltransport i Arvidsjaur AB (exempel)');
  await expect(participants).toContainText('12,5');
  await expect(participants).toContainText(/4\s500/);
  await expect(sectors).toContainText('Näringsliv');
  const milestones = page.getByRole('region', { name: 'Delmål i tidplanen' });
  await expect(milestones).toContainText('Workshop med föreningarna');
  await expect(milestones).not.toContainText('Delrapport');
  await expect(page.locator('.facts')).toContainText(/Norrbottens bildningsförbund, projektstöd \(15\s000 kr\)/);
  await expect(page.locator('.facts')).toContainText('Kiruna');
});
