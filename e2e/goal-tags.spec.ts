import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

// Issue 11 §1: goals and targets are tagged with one picker (spaces, events, inputs, measures,
// initiatives, library items) and count on the space's Agenda 2030 page.
test('a leader tags a space and an event with goal 11 and target 11.3; the event counts under goal 11', async ({ page }) => {
  const stamp = Date.now();
  const spaceName = `Hållbara byar ${stamp}`;
  const title = `Bytemöte om bostäder ${stamp}`;
  await signIn(page);
  await page.goto('/');

  // The space: tagged with goal 11 when it is created; its page shows the tag.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa arena' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Namn/ }).fill(spaceName);
  const spacePicker = page.getByTestId('goal-target-picker');
  await spacePicker.getByRole('checkbox', { name: '11. Hållbara städer och samhällen' }).check();
  await page.getByRole('button', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name: spaceName })).toBeVisible();
  await expect(page.getByLabel('Agenda 2030-mål')).toContainText('Mål 11 Hållbara städer och samhällen');
  const spaceId = /\/spaces\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(spaceId).toBeTruthy();

  // Before: nothing in the space counts under goal 11 (the space's own tags are not an activity).
  await page.goto(`/spaces/${spaceId}/agenda2030`);
  const goal11 = page.getByTestId('goal-tiles').getByRole('button').filter({ hasText: 'Hållbara städer och samhällen' });
  await expect(goal11).toContainText('0 aktiviteter');

  // The event: goal 11 and target 11.3 chosen with the keyboard.
  await page.goto(`/spaces/${spaceId}/events/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ny träff' })).toBeVisible();
  const form = page.getByTestId('event-form');
  await form.getByLabel(/^Typ av träff/).selectOption({ label: 'Byaforum' });
  await form.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel(/^Börjar/).fill(`${day}T18:00`);
  await form.getByLabel(/^Slutar/).fill(`${day}T20:00`);
  const picker = form.getByTestId('goal-target-picker');
  await expect(picker).toHaveAccessibleName('Agenda 2030: mål och delmål');
  await picker.getByRole('checkbox', { name: /^10\. / }).focus();
  await page.keyboard.press('Tab');
  const goalBox = picker.getByRole('checkbox', { name: '11. Hållbara städer och samhällen' });
  await expect(goalBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(goalBox).toBeChecked();
  const targets = picker.getByRole('list', { name: 'Delmål under mål 11' });
  await expect(targets.getByRole('checkbox')).toHaveCount(10);
  await page.keyboard.press('Tab');
  await expect(targets.getByRole('checkbox').nth(0)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const target113 = targets.getByRole('checkbox', { name: /^11\.3 / });
  await expect(target113).toBeFocused();
  await page.keyboard.press('Space');
  await expect(target113).toBeChecked();
  await expectAccessible(page, 'the event editor with the goal picker open');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole('button', { name: 'Skapa träffen' }).click();

  // The event page shows the tags.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const tags = page.getByLabel('Agenda 2030-mål');
  await expect(tags).toContainText('Mål 11');
  await expect(tags).toContainText('Delmål 11.3');

  // Editing keeps them: the editor opens with goal 11 and 11.3 checked.
  const eventUrl = page.url();
  await page.goto(`${eventUrl}/edit`);
  await expect(page.getByTestId('goal-target-picker').getByRole('checkbox', { name: /^11\.3 / })).toBeChecked();

  // The space's Agenda 2030 page counts the event under goal 11 and target 11.3.
  await page.goto(`/spaces/${spaceId}/agenda2030`);
  await expect(goal11).toContainText('1 aktivitet');
  await goal11.click();
  const entry = page.getByTestId('goal-entries').getByRole('listitem').filter({ hasText: title });
  await expect(entry).toContainText('Möten');
  await expect(entry).toContainText('11.3');
  await expect(page.getByTestId('goal-detail').getByRole('row').filter({ hasText: /^11\.3 / })).toContainText('1');
});
