import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';

async function openTalko(page: import('@playwright/test').Page, link: string) {
  await openSpacePage(page, 'TALKO Lappland');
  await page.getByTestId('process-links').getByRole('link', { name: link, exact: true }).click();
}

test('a facilitator follows TALKO per municipality and ticks a step the platform cannot check', async ({ page }) => {
  await signIn(page, LEADER);
  await openTalko(page, 'Processer');
  await expect(page.getByRole('heading', { level: 1, name: 'Processer i TALKO Lappland' })).toBeVisible();
  const table = page.getByTestId('processes-table');
  await expect(table.getByRole('row')).toHaveCount(9);
  await expectAccessible(page, 'the processes of a space');
  await table.getByRole('link', { name: 'Åsele' }).click();
  await expect(page.getByTestId('process-view')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Åsele');
  // The local action plan is checked by the platform from the plans' data: no tick by hand.
  const actionPlan = page.locator('[data-step="action-plan"]');
  await expect(actionPlan).toContainText('Kriterium: en handlingsplan antagen');
  await expect(actionPlan.getByRole('button', { name: 'Bocka av steget' })).toHaveCount(0);
  const plan = page.locator('[data-step="evaluation"]');
  await expect(plan).toContainText('Pågår');
  await plan.getByRole('textbox', { name: 'Anteckning' }).fill('Antagen av kommunstyrelsen.');
  await plan.getByRole('button', { name: 'Bocka av steget' }).click();
  await expect(plan).toContainText('Klart');
  await expect(plan).toContainText('Avbockat av Demo Processledare (fiktiv)');
  await expect(page.locator('[data-step="kick-off"]')).toContainText('Kriterium: ett möte genomfört med registrerad närvaro');
  await expectAccessible(page, 'a process view');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await plan.getByRole('button', { name: 'Ångra avbockningen' }).click();
  await expect(plan).toContainText('Pågår');
});

test('a participant answers the test-session feedback on a 320 px phone without an account, once', async ({ page }) => {
  await signIn(page, LEADER);
  await openTalko(page, 'Återkoppling');
  await expect(page.getByTestId('feedback-changes')).toContainText('Återkopplingsformuläret kortades');
  // By name: other specs may add forms of their own to the list (newest first).
  await page.getByTestId('feedback-forms').getByRole('link', { name: 'Återkoppling på TALKO-verktyget' }).first().click();
  await expect(page.getByTestId('feedback-results')).toContainText('Medelvärde');
  await expect(page.getByTestId('feedback-comparison').getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'feedback results');
  const href = await page.getByRole('link', { name: 'Länk till formuläret' }).getAttribute('href');
  await page.context().clearCookies();
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(href!);
  const form = page.getByTestId('feedback-form');
  await expect(page.getByRole('heading', { level: 1, name: 'Återkoppling på TALKO-verktyget' })).toBeVisible();
  await expectAccessible(page, 'the feedback form on a phone');
  await expectNoHorizontalScroll(page, 320);
  await form.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await form.getByRole('group', { name: /användbart/ }).getByLabel('4', { exact: true }).check();
  await form.getByRole('checkbox', { name: 'Resultatsidan' }).check();
  await form.getByRole('textbox', { name: /bättre/ }).fill('Större text på knapparna.');
  await form.getByRole('group', { name: /Jag deltar som/ }).getByLabel('Boende', { exact: true }).check();
  await form.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByTestId('feedback-thanks')).toContainText('Tack! Dina svar är mottagna.');
  await expectAccessible(page, 'the thanks after answering');
  // The same phone again: the key it kept makes it count once.
  await page.reload();
  await form.getByRole('group', { name: /användbart/ }).getByLabel('5 – Mycket', { exact: true }).check();
  await form.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByTestId('feedback-thanks')).toContainText('Du har redan svarat');
});

test('anyone sees the project’s dashboard with goals and facts, and compares its municipalities in a sortable table', async ({ page }) => {
  await openTalko(page, 'Resultat');
  const dashboard = page.getByTestId('dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat för TALKO Lappland' })).toBeVisible();
  await expect(dashboard.getByTestId('goals')).toContainText('Lokala arbetsgrupper bildade i 8 av 8 kommuner');
  // 25 answers in the demo, one more once the feedback test above has run.
  await expect(dashboard.locator('[data-key="feedback_answers"] .figure__value')).toHaveText(/^2[56]$/);
  await expect(dashboard.getByTestId('facts')).toContainText('Europeiska regionala utvecklingsfonden');
  await expect(dashboard.getByTestId('spin-offs')).toContainText('Ammarnäs');
  await expectAccessible(page, 'a space dashboard');
  await page.getByRole('link', { name: 'Jämför kommunerna' }).click();
  const table = page.getByTestId('comparison-table');
  await expect(table.getByRole('row')).toHaveCount(9);
  // A numeric column sorts from the largest first: Sorsele's test session had the most answers.
  await table.getByRole('button', { name: 'Svar på återkoppling' }).click();
  await expect(table.getByRole('columnheader', { name: 'Svar på återkoppling' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('Sorsele');
  await expectAccessible(page, 'the comparison table');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the comparison table on a phone');
});
