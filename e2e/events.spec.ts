import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoHorizontalScroll, PASSWORD, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';

async function openTalkoEvents(page: Page) {
  await openSpacePage(page, 'TALKO Lappland');
  await page.getByRole('link', { name: 'Träffar', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Träffar – TALKO Lappland' })).toBeVisible();
}

/** The newest mail to an address, read through the admin API in a context of its own. */
async function mailTo(browser: Browser, email: string): Promise<{ subject: string; text: string }> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, ADMIN, PASSWORD);
  const answer = await admin.request.get(`/api/admin/outbox?to=${encodeURIComponent(email)}`);
  const mails = (await answer.json()) as { subject: string; text: string }[];
  await context.close();
  expect(mails.length, `mail to ${email}`).toBeGreaterThan(0);
  return mails[0]!;
}

test('anyone registers for the kick-off without an account, gets a QR and cancels through their link', async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `deltagare.${stamp}@example.org`;
  await openTalkoEvents(page);
  await expect(page.getByTestId('event-card')).toHaveCount(2);
  await expectAccessible(page, 'the events page');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the events page on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'Uppstartsmöte: lokal arbetsgrupp Sorsele', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppstartsmöte: lokal arbetsgrupp Sorsele' })).toBeVisible();
  await expect(page.getByTestId('agenda').getByRole('listitem')).toHaveCount(4);
  await expect(page.getByTestId('seats-on-site')).toHaveText('30 kvar av 30');
  await expectAccessible(page, 'the public event page');

  // A mistake first: every problem is named and the summary takes focus.
  const form = page.getByTestId('registration-form');
  await form.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(form.getByRole('textbox', { name: /^Namn/ })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the registration form with errors');

  await form.getByRole('textbox', { name: /^Namn/ }).fill('Åsa Öberg');
  await form.getByRole('textbox', { name: /^E-post/ }).fill(email);
  await form.getByRole('textbox', { name: /^Organisation/ }).fill('Byalaget i Gargnäs');
  await form.getByLabel(/^Sektor/).selectOption({ label: 'Civilsamhälle' });
  await form.getByLabel(/^Åldersgrupp/).selectOption({ index: 2 });
  await form.getByRole('textbox', { name: /^Kost/ }).fill('Glutenfritt');
  await form.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByTestId('registration-receipt')).toContainText(`Du är anmäld. En bekräftelse har skickats till ${email}.`);
  await expect(page.getByTestId('seats-on-site')).toHaveText('29 kvar av 30');

  const mail = await mailTo(browser, email);
  expect(mail.subject).toBe('Anmälan bekräftad: Uppstartsmöte: lokal arbetsgrupp Sorsele');
  const link = mail.text.match(/https?:\/\/\S+\/registrations\/[\w-]+#token=[\w-]+/)?.[0];
  expect(link, 'registration link in the mail').toBeTruthy();

  // The participant's own page on a phone: the QR for the door, and cancelling.
  const guest = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const phone = await guest.newPage();
  await phone.goto(link!);
  await expect(phone.getByRole('heading', { level: 1, name: 'Din anmälan' })).toBeVisible();
  await expect(phone.getByTestId('own-status')).toHaveText('Bekräftad');
  await expect(phone.getByTestId('check-in-qr')).toBeVisible();
  await expectNoHorizontalScroll(phone, 320);
  await expectAccessible(phone, 'the own registration page on a phone');
  // The page survives a reload (the link's token stays in the fragment), and cancelling asks first.
  await phone.reload();
  await expect(phone.getByTestId('own-status')).toHaveText('Bekräftad');
  await phone.getByRole('button', { name: 'Avboka min anmälan' }).click();
  await phone.getByRole('button', { name: 'Nej, behåll anmälan' }).click();
  await expect(phone.getByTestId('own-status')).toHaveText('Bekräftad');
  await phone.getByRole('button', { name: 'Avboka min anmälan' }).click();
  await expect(phone.getByRole('button', { name: 'Ja, avboka' })).toBeFocused();
  await expectAccessible(phone, 'the cancel confirmation');
  await phone.keyboard.press('Enter');
  await expect(phone.getByTestId('own-status')).toHaveText('Avbokad');
  await expect(phone.getByText('Din anmälan är avbokad.')).toBeVisible();
  // Focus is not lost: it is on the message that says it is done.
  await expect(phone.getByTestId('cancelled-done')).toBeFocused();
  await guest.close();
  await page.reload();
  await expect(page.getByTestId('seats-on-site')).toHaveText('30 kvar av 30');
});

test('a leader plans an event, checks a participant in from a phone, marks another by hand and sees the figures', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const title = `Byaforum i Ammarnäs ${stamp}`;
  await signIn(page, LEADER);
  await openTalkoEvents(page);
  await page.getByRole('link', { name: 'Ny träff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny träff' })).toBeVisible();
  const form = page.getByTestId('event-form');
  await form.getByLabel(/^Typ av träff/).selectOption({ label: 'Byaforum' });
  await form.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  await form.getByRole('button', { name: 'Skapa träffen' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectAccessible(page, 'the event editor with errors');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the event editor on a phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel(/^Börjar/).fill(`${day}T18:00`);
  await form.getByLabel(/^Slutar/).fill(`${day}T20:00`);
  await form.getByRole('textbox', { name: /^Lokal/ }).fill('Bygdegården');
  await form.getByRole('textbox', { name: /^Adress/ }).fill('Ammarnäs');
  await form.getByRole('textbox', { name: /^Latitud/ }).fill('65,958');
  await form.getByRole('textbox', { name: /^Longitud/ }).fill('16,208');
  await form.getByRole('textbox', { name: /^Platser på plats/ }).fill('1');
  await form.getByRole('button', { name: 'Lägg till programpunkt' }).click();
  await form.getByRole('textbox', { name: /^Punkt 1: innehåll/ }).fill('Välkomna');
  await form.getByLabel(/^Lägg till medarrangör/).selectOption({ label: 'Sorsele kommun' });
  await expect(form.getByRole('button', { name: 'Ta bort Sorsele kommun som medarrangör' })).toBeVisible();
  await form.getByRole('button', { name: 'Skapa träffen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('event-when')).toContainText('18:00–20:00');
  await expectAccessible(page, 'the event page as its leader');
  const eventPath = new URL(page.url()).pathname;

  // Two register in another browser: one gets the seat, one the waitlist.
  const guest = await browser.newContext();
  const visitor = await guest.newPage();
  for (const [name, mail] of [
    ['Bo Ek', `bo.${stamp}@example.org`],
    ['Cia Al', `cia.${stamp}@example.org`],
  ]) {
    await visitor.goto(page.url());
    const f = visitor.getByTestId('registration-form');
    await f.getByRole('textbox', { name: /^Namn/ }).fill(name!);
    await f.getByRole('textbox', { name: /^E-post/ }).fill(mail!);
    await f.getByLabel(/^Sektor/).selectOption({ label: 'Näringsliv' });
    await f.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(visitor.getByTestId('registration-receipt')).toBeVisible();
  }
  await expect(visitor.getByTestId('registration-receipt')).toContainText('nummer 1 på väntelistan');
  await guest.close();

  // At the door, on the leader's phone: the QR's link checks Bo in.
  const checkInLink = (await mailTo(browser, `bo.${stamp}@example.org`)).text.match(/https?:\/\/\S+\/check-in\/[\w-]+#code=[\w-]+/)?.[0];
  expect(checkInLink, 'check-in link').toBeTruthy();
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(checkInLink!);
  await expect(page.getByTestId('check-in-result')).toContainText('Bo Ek');
  await expect(page.getByTestId('check-in-result')).toContainText('Incheckad.');
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the check-in page on a phone');
  // Scanning the same QR again is harmless and says so.
  await page.goto('about:blank');
  await page.goto(checkInLink!);
  await expect(page.getByTestId('check-in-result')).toContainText('Redan incheckad.');

  // The attendance list on the phone: Cia came anyway and is ticked off by hand.
  await page.goto(eventPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Närvaro och incheckning' }).click();
  await expect(page.getByTestId('present-count')).toHaveText('1 incheckade av 1 bekräftade');
  await page.getByRole('checkbox', { name: /^Cia Al/ }).click();
  await expect(page.getByText('Cia Al är markerad som närvarande.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Cia Al/ })).toBeChecked();
  await expect(page.getByTestId('stats-summary')).toContainText('Närvarande2');
  await expect(page.getByTestId('stats-sector').getByRole('row').filter({ hasText: 'Näringsliv' })).toContainText('2');
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the attendance page on a phone');
});

test('a leader reschedules and then cancels an event; the page says so and registration closes', async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, LEADER);
  await openTalkoEvents(page);
  await page.getByRole('link', { name: 'Testtillfälle: verktyget i Arjeplog', exact: true }).click();
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const reschedule = page.getByTestId('reschedule-form');
  await reschedule.getByLabel(/^Börjar/).fill(`${day}T10:00`);
  await reschedule.getByLabel(/^Slutar/).fill(`${day}T12:00`);
  await reschedule.getByRole('textbox', { name: /^Anledning/ }).fill(`Krockar med älgjakten ${stamp}`);
  await reschedule.getByRole('button', { name: 'Flytta och meddela alla' }).click();
  await expect(page.getByText('Träffen har flyttats och alla anmälda har meddelats.')).toBeVisible();
  await expect(page.getByTestId('event-when')).toContainText('10:00–12:00');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('cancel-form').getByRole('button', { name: 'Ställ in och meddela alla' }).click();
  await expect(page.getByTestId('event-cancelled')).toContainText('Träffen är inställd');
  await expect(page.getByTestId('registration-form')).toHaveCount(0);
  await expectAccessible(page, 'a cancelled event');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'an event page on a phone');
});
