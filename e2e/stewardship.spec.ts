import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

// Issue 14 §1.1: an organisation is kept by its representatives; a space leader suggests.
const LEADER = 'processledare@example.org';
const MEMBER = 'byalag@example.org';

async function openOrganisation(page: Page, name: string) {
  const answer = await page.request.get(`/api/organisations?q=${encodeURIComponent(name)}`);
  const { items } = (await answer.json()) as { items: { id: string; name: string }[] };
  const id = items.find((o) => o.name === name)!.id;
  await page.goto(`/organisations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return id;
}

test('a representative decides a leader’s suggestion; the leader may only suggest', async ({ page }) => {
  // The demo's representative of Hela Sverige ska leva Västerbotten sees the waiting suggestion.
  await signIn(page, MEMBER);
  await openOrganisation(page, 'Hela Sverige ska leva Västerbotten');
  const representatives = page.getByTestId('representatives');
  await expect(representatives.getByTestId('representative')).toContainText('Demo Byalagsmedlem (fiktiv), Styrelseledamot (fiktiv) – bekräftad av Demo Processledare (fiktiv)');
  await expect(page.getByRole('button', { name: 'Ändra organisationen' })).toBeVisible();
  const suggestion = page.getByTestId('organisation-suggestion');
  await expect(suggestion).toContainText('Väntar – Demo Processledare (fiktiv)');
  await expect(suggestion).toContainText('Beskrivning: – → Länsavdelning av Hela Sverige ska leva');
  await expectAccessible(page, 'the organisation page of its representative');

  // Accepted by keyboard alone, with a reason.
  await suggestion.getByRole('textbox', { name: /^Motivering/ }).focus();
  await page.keyboard.type('Stämmer, tack.');
  await page.keyboard.press('Tab');
  await expect(suggestion.getByRole('button', { name: 'Godkänn' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Förslaget är godkänt och organisationen uppdaterad.')).toBeVisible();
  await expect(page.locator('.description').first()).toContainText('stöttar lokala utvecklingsgrupper och byaföreningar i Västerbotten');
  await expect(suggestion).toContainText('Godkänt');

  // The leader of TALKO, where Sorsele kommun takes part, suggests rather than edits.
  await page.context().clearCookies();
  await signIn(page, LEADER);
  await openOrganisation(page, 'Sorsele kommun');
  await expect(page.getByRole('button', { name: 'Ändra organisationen' })).toHaveCount(0);
  await expect(page.getByTestId('representatives')).toContainText('Organisationen har inga företrädare ännu.');
  await page.getByRole('button', { name: 'Föreslå en ändring' }).click();
  const form = page.getByTestId('organisation-form');
  await expect(form.getByRole('textbox', { name: /^Namn/ })).toBeFocused();
  await form.getByRole('textbox', { name: /^Telefon/ }).fill('0952-140 00');
  await form.getByRole('textbox', { name: /^Kommentar/ }).fill('Kommunens växel.');
  await expectAccessible(page, 'the suggestion form');
  await form.getByRole('button', { name: 'Skicka förslaget' }).click();
  await expect(page.getByText('Förslaget är skickat till organisationens företrädare.')).toBeVisible();
  const mine = page.getByTestId('organisation-suggestion');
  await expect(mine).toContainText('Väntar – av dig');
  await expect(mine).toContainText('Telefon: – → 0952-140 00');
  await expect(mine.getByRole('button', { name: 'Godkänn' })).toHaveCount(0);
});

test('someone asks to represent an organisation and a leader of its space confirms, at 320 px', async ({ page, browser }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, MEMBER);
  await openOrganisation(page, 'Storumans kommun');
  await page.getByRole('button', { name: 'Jag företräder organisationen' }).click();
  await page.getByRole('textbox', { name: /^Din roll i organisationen/ }).fill('Landsbygdsutvecklare');
  await expectAccessible(page, 'the claim form');
  await expectNoHorizontalScroll(page, 320);
  await page.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(page.getByText('Tack! Du blir företrädare när någon har bekräftat det.')).toBeVisible();
  await expect(page.getByTestId('representative')).toContainText('Demo Byalagsmedlem (fiktiv), Landsbygdsutvecklare – väntar på bekräftelse');
  await expect(page.getByRole('button', { name: 'Bekräfta' })).toHaveCount(0);

  // The leader of TALKO confirms it (keyboard), in a browser of their own.
  const leaderContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const leader = await leaderContext.newPage();
  await signIn(leader, LEADER);
  await openOrganisation(leader, 'Storumans kommun');
  const confirm = leader.getByRole('button', { name: 'Bekräfta Demo Byalagsmedlem (fiktiv)' });
  await confirm.focus();
  await leader.keyboard.press('Enter');
  await expect(leader.getByText('Demo Byalagsmedlem (fiktiv) är bekräftad som företrädare.')).toBeVisible();
  await expectAccessible(leader, 'the representatives after a confirmation');
  await expectNoHorizontalScroll(leader, 320);
  await leaderContext.close();

  // Now the representative edits the organisation.
  await page.reload();
  await expect(page.getByTestId('representative')).toContainText('bekräftad av Demo Processledare (fiktiv)');
  await page.getByRole('button', { name: 'Ändra organisationen' }).click();
  await page.getByTestId('organisation-form').getByRole('textbox', { name: /^Beskrivning/ }).fill('Kommunen i södra Lappland.');
  await page.getByTestId('organisation-form').getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
});
