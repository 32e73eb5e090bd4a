import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';

async function openSpace(page: Page, space: string, link: string) {
  await openSpacePage(page, space);
  await page.getByTestId('process-links').getByRole('link', { name: link, exact: true }).click();
}

/** Presses a button the way a keyboard user does: focus, then Enter. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

/** Types into the field that has the focus, as a keyboard user does after "Add …" moved it there. */
async function typeInFocused(page: Page, text: string) {
  await page.keyboard.type(text);
}

test('a leader writes a process template by keyboard, reorders its steps, links library material, edits it and copies it to another space', async ({ page }) => {
  await signIn(page, LEADER);
  await openSpace(page, 'Service i samverkan', 'Processer');
  await page.getByRole('link', { name: 'Processmallar: läs, skriv egna och kopiera' }).click();
  const table = page.getByTestId('templates-table');
  await expect(table).toContainText('TALKO – lokal utveckling i samverkan');
  await expect(table).toContainText('Serviceplanering i samverkan');
  await expectAccessible(page, 'the templates of a space');

  await press(page.getByTestId('template-new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Ny processmall' })).toBeVisible();
  const form = page.getByTestId('template-form');
  // Sent empty: the API's problems, per field, in Swedish, and the summary takes the focus.
  await press(form.getByRole('button', { name: 'Spara mallen' }));
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Mallens namn:/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Steg 1\.1: Stegets namn:/ })).toBeVisible();

  await form.getByLabel('Mallens namn').fill('Bygdeplan på en sommar');
  await form.getByLabel('Fasens namn').fill('Behov');
  const step1 = form.getByTestId('template-step-fields').nth(0);
  await step1.getByLabel('Stegets namn').fill('Samla byarnas behov');
  await step1.getByLabel('Vad görs?').fill('Bygdemöten i varje by.');
  await step1.getByLabel('Checklista').fill('Bygdemöte i Ammarnäs\nFormuläret ute');
  await step1.getByLabel('När är steget klart?').selectOption('inputs_collected');
  await step1.getByLabel('Minsta antal').fill('12');
  // Material from the library: the add button moves the focus to the new row's first field.
  await press(step1.getByRole('button', { name: 'Lägg till material i Steg 1.1' }));
  await typeInFocused(page, 'Metod för bydialog');
  await step1.getByLabel('Från biblioteket').selectOption({ label: 'Bydialog om service – från behov till serviceplan' });

  await press(form.getByRole('button', { name: 'Lägg till ett steg i Fas 1' }));
  await expect(form.getByTestId('template-step-fields').nth(1).getByLabel('Stegets namn')).toBeFocused();
  await typeInFocused(page, 'Bjud in till bygdemöten');
  // Move the new step first with its button; the focus stays on the button that moved.
  await press(form.getByRole('button', { name: 'Flytta upp Steg 1.2' }));
  await expect(page.locator(':focus')).toHaveText('Flytta upp Steg 1.1');
  await expect(page.getByRole('status').filter({ hasText: 'flyttades till plats 1' })).toHaveCount(1);
  await expect(form.getByTestId('template-step-fields').nth(0).getByLabel('Stegets namn')).toHaveValue('Bjud in till bygdemöten');

  await press(form.getByRole('button', { name: 'Lägg till en fas' }));
  await expect(form.getByTestId('template-phase').nth(1).getByLabel('Fasens namn')).toBeFocused();
  await typeInFocused(page, 'Plan');
  const planStep = form.getByTestId('template-phase').nth(1).getByTestId('template-step-fields');
  await planStep.getByLabel('Stegets namn').fill('Handlingsplan antagen');
  await planStep.getByLabel('När är steget klart?').selectOption('action_plan_adopted');
  await planStep.getByLabel('Klart senast, dagar efter start').fill('90');
  await expectAccessible(page, 'the template editor');

  await press(form.getByRole('button', { name: 'Spara mallen' }));
  const view = page.getByTestId('template-view');
  await expect(page.getByRole('heading', { level: 1, name: 'Processmall: Bygdeplan på en sommar' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await expect(view.getByTestId('template-step')).toHaveText([/Bjud in till bygdemöten/, /Samla byarnas behov/, /Handlingsplan antagen/]);
  await expect(view.getByTestId('template-step').nth(1)).toContainText('minst 12 inspel insamlade');
  await expect(view.getByTestId('template-step').nth(1).getByRole('link', { name: /Metod för bydialog/ })).toHaveAttribute('href', /\/library\//);
  await expect(view.getByTestId('template-step').nth(2)).toContainText('klart senast 90 dagar efter start');
  await expectAccessible(page, 'a template');

  // Edit: rename and remove the first step.
  await press(page.getByRole('link', { name: 'Ändra mallen' }));
  const edit = page.getByTestId('template-form');
  await expect(edit.getByLabel('Mallens namn')).toHaveValue('Bygdeplan på en sommar');
  await edit.getByLabel('Mallens namn').fill('Bygdeplan på ett år');
  await press(edit.getByRole('button', { name: 'Ta bort Steg 1.1' }));
  await expect(page.getByRole('button', { name: 'Lägg till ett steg i Fas 1' })).toBeFocused();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the template editor at 320 px');
  await press(edit.getByRole('button', { name: 'Spara mallen' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Processmall: Bygdeplan på ett år' })).toBeVisible();
  await expect(page.getByTestId('template-step')).toHaveText([/Samla byarnas behov/, /Handlingsplan antagen/]);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'a template at 320 px');

  // Copy it into TALKO Lappland, which the leader also leads.
  const copy = page.getByRole('region', { name: 'Kopiera mallen till en annan arena' });
  await copy.getByRole('combobox', { name: 'Arena' }).selectOption({ label: 'TALKO Lappland' });
  await press(copy.getByRole('button', { name: 'Kopiera mallen' }));
  await expect(page.getByRole('status').filter({ hasText: 'Mallen kopierades' })).toBeVisible();
  await page.getByRole('link', { name: 'Processmallar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Processmallar – TALKO Lappland' })).toBeVisible();
  await expect(page.getByTestId('templates-table')).toContainText('Bygdeplan på ett år');
});

test('a leader writes a feedback form by keyboard, previews it, gets its link and QR code, and edits an answered one within what the answers allow', async ({ page }) => {
  await signIn(page, LEADER);
  await openSpace(page, 'TALKO Lappland', 'Återkoppling');
  await press(page.getByTestId('feedback-new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt återkopplingsformulär' })).toBeVisible();
  const form = page.getByTestId('feedback-form-editor');
  await form.getByLabel('Möte').selectOption({ index: 1 });
  await form.getByLabel('Formulärets rubrik').fill('Korta frågor efter bygdemötet');
  const questions = form.getByTestId('question-fields');
  await questions.nth(0).getByRole('textbox', { name: /^Frågan/ }).fill('Hur nöjd är du med mötet?');
  await questions.nth(0).getByLabel('Ord vid 5').fill('Mycket nöjd');
  await questions.nth(1).getByRole('textbox', { name: /^Frågan/ }).fill('Vad saknades?');
  await press(form.getByRole('button', { name: 'Lägg till en fråga' }));
  await expect(questions.nth(2).getByLabel('Typ av fråga')).toBeFocused();
  await questions.nth(2).getByLabel('Typ av fråga').selectOption('single');
  await questions.nth(2).getByRole('textbox', { name: /^Frågan/ }).fill('Hur fick du veta om mötet?');
  await questions.nth(2).getByLabel('Svarsalternativ').fill('Affischen i affären\nFacebook\nGrannen');
  await press(form.getByRole('button', { name: 'Flytta upp Fråga 3' }));
  await expect(page.locator(':focus')).toHaveText('Flytta upp Fråga 2');
  await form.getByLabel('Fråga efter åldersgrupp').uncheck();
  const preview = page.getByTestId('feedback-preview');
  await expect(preview.getByRole('listitem').filter({ hasText: '?' })).toHaveText([/Hur nöjd är du med mötet\?.*Mycket nöjd/s, /Hur fick du veta om mötet\?/, /Vad saknades\?/]);
  await expect(preview).toContainText('Grannen');
  await expect(preview).toContainText('Till sist: sektor (frivilligt).');
  await expectAccessible(page, 'the feedback form editor');

  await press(form.getByRole('button', { name: 'Spara formuläret' }));
  await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR-kod/ })).toBeVisible();
  const href = await page.getByTestId('form-link').getAttribute('href');
  expect(href).toMatch(/^\/feedback\/[0-9a-f-]{36}$/);
  await expectAccessible(page, 'a saved feedback form');

  // What a participant sees on a phone: the questions in their order, no age-group question.
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(href!);
  const answer = page.getByTestId('feedback-form');
  await expect(page.getByRole('heading', { level: 1, name: 'Korta frågor efter bygdemötet' })).toBeVisible();
  await expect(answer.getByRole('group').first()).toContainText('Hur nöjd är du med mötet?');
  await expect(answer.getByRole('group', { name: /Hur fick du veta/ })).toContainText('Affischen i affären');
  await expect(answer.getByRole('group', { name: /Jag deltar som/ })).toBeVisible();
  await expect(answer.getByRole('group', { name: /Åldersgrupp/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 320);

  // A demo form with answers: the editor says what it allows and keeps the answered questions.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openSpace(page, 'TALKO Lappland', 'Återkoppling');
  await page.getByTestId('feedback-forms').getByRole('link', { name: 'Ändra Återkoppling på TALKO-verktyget' }).first().click();
  await expect(page.getByTestId('answered-notice')).toContainText('inte ta bort frågor, byta typ');
  const locked = page.getByTestId('question-fields');
  await expect(locked.first()).toContainText('kan inte ändras, formuläret har svar');
  await expect(locked.first().getByRole('button', { name: /^Ta bort/ })).toHaveCount(0);
  await expect(locked.nth(2).getByLabel('Svarsalternativ')).toHaveAccessibleDescription(/nya kan läggas till sist/);
  await locked.nth(2).getByLabel('Svarsalternativ').fill('Processens steg\nInspel från byarna\nArbetsgruppens balans\nResultatsidan\nKartan');
  await locked.first().getByRole('textbox', { name: /^Frågan/ }).fill('Hur användbart är verktyget för byns utveckling?');
  await expectAccessible(page, 'editing an answered form');
  await press(page.getByRole('button', { name: 'Spara formuläret' }));
  await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Återkoppling på TALKO-verktyget');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'editing an answered form at 320 px');

  // The changes log: correct an entry.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openSpace(page, 'TALKO Lappland', 'Återkoppling');
  const changes = page.getByRole('region', { name: 'Rätta eller ta bort en post i ändringsloggen' });
  await changes.getByRole('combobox', { name: 'Post' }).selectOption({ index: 1 });
  await changes.getByRole('textbox', { name: /^Ändring/ }).fill('Checklistan för varje steg går att skriva ut och ladda ned.');
  await press(changes.getByRole('button', { name: 'Spara ändringarna' }));
  await expect(changes.getByRole('status')).toHaveText('Sparat.');
  await expect(page.getByTestId('feedback-changes')).toContainText('går att skriva ut och ladda ned');
  await expectAccessible(page, 'the changes log with its editor');
});

test('a leader keeps the project facts, goals and spin-off effects by keyboard and sees them on the dashboard', async ({ page }) => {
  await signIn(page, LEADER);
  // Service i samverkan: TALKO's dashboard is checked as the demo has it by process.spec.ts.
  await openSpace(page, 'Service i samverkan', 'Resultat');
  await press(page.getByTestId('facts-edit-link'));
  await expect(page.getByRole('heading', { level: 1, name: /Projektfakta, mål och följdeffekter/ })).toBeVisible();
  await expectAccessible(page, 'the project facts editor');
  const facts = page.getByTestId('facts-form');
  await press(facts.getByRole('button', { name: 'Lägg till en medfinansiär' }));
  const rows = facts.getByTestId('cofinancier-rows-row');
  const added = rows.last();
  await expect(added.getByLabel('Namn')).toBeFocused();
  await typeInFocused(page, 'Sparbanksstiftelsen Dalarna');
  await added.getByLabel('Belopp').fill('en halv miljon');
  await press(facts.getByRole('button', { name: 'Spara projektfakta' }));
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Belopp: Skriv ett tal');
  await added.getByLabel('Belopp').fill('500 000');
  await facts.getByLabel('Total budget').fill('13 000 000');
  await press(facts.getByRole('button', { name: 'Lägg till en ledamot' }));
  await typeInFocused(page, 'Karin Nord');
  await facts.getByTestId('steering-rows-row').last().getByLabel('Organisation').fill('Sparbanksstiftelsen Dalarna');
  await press(facts.getByRole('button', { name: 'Spara projektfakta' }));
  await expect(facts.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();

  // A goal corrected: the edit button opens the form with the focus in it; cancel and save return it.
  const goal = page.getByTestId('goal-item').first();
  const goalTitle = (await goal.getByRole('heading').textContent())!;
  await press(goal.getByRole('button', { name: `Ändra ${goalTitle}` }));
  await expect(goal.getByRole('textbox', { name: /^Mål\b/ })).toBeFocused();
  await goal.getByRole('textbox', { name: /^Mål\b/ }).fill('En servicelösning i var och en av de elva kommunerna');
  await press(goal.getByRole('button', { name: 'Spara ändringarna' }));
  await expect(page.getByText('Målet ”En servicelösning i var och en av de elva kommunerna” sparades.')).toBeVisible();

  // A spin-off effect added, another removed.
  const spinOffs = page.getByTestId('spin-off-items').getByTestId('spin-off-item');
  const before = await spinOffs.count();
  const add = page.getByTestId('spin-off-new-form');
  await add.getByLabel('Vad hände?').fill('Lanthandeln i Särna blev ombud för apoteksvaror efter bydialogen.');
  await add.getByLabel('Källa').fill('Processledaren i Älvdalen');
  await press(add.getByRole('button', { name: 'Lägg till följdeffekten' }));
  await expect(spinOffs).toHaveCount(before + 1);
  await press(spinOffs.last().getByRole('button', { name: /^Ta bort/ }));
  await expect(spinOffs).toHaveCount(before);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the project facts editor at 320 px');

  // The read page: the dashboard shows what was written.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Till resultatsidan' }).click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.getByTestId('facts')).toContainText('Sparbanksstiftelsen Dalarna');
  await expect(dashboard.getByTestId('facts')).toContainText(/13\s000\s000\skr/);
  await expect(dashboard.getByTestId('facts')).toContainText('Karin Nord');
  await expect(dashboard.getByTestId('goals')).toContainText('En servicelösning i var och en av de elva kommunerna');
  await expect(dashboard.getByTestId('spin-offs')).toContainText('ombud för apoteksvaror');
});
