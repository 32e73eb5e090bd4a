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
