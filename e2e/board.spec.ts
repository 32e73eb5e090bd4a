import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

const PHONE = { width: 360, height: 740 };

/** An event of the demo's TALKO Lappland space, to hang the board on. */
async function demoEventId(page: Page): Promise<string> {
  const spaces = (await (await page.request.get('/api/spaces')).json()) as { id: string; name: string }[];
  const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
  const events = (await (await page.request.get(`/api/spaces/${talko.id}/events`)).json()) as { id: string }[];
  expect(events.length).toBeGreaterThan(0);
  return events[0]!.id;
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  return { context, page: await context.newPage() };
}

async function join(page: Page, path: string, code?: string, name?: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Delta i en workshop' })).toBeVisible();
  if (code) await page.getByRole('textbox', { name: /^Kod/ }).fill(code.toLowerCase());
  if (name) await page.getByRole('textbox', { name: 'Förnamn' }).fill(name);
  await page.getByRole('button', { name: 'Gå med' }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'live');
}

/** The note card with exactly this text (other cards may name it in their merge list). */
const note = (page: Page, text: string) => page.getByTestId('board-note').filter({ has: page.getByTestId('note-text').getByText(text, { exact: true }) });

async function post(page: Page, text: string) {
  await page.getByRole('textbox', { name: /^Din lapp/ }).fill(text);
  await page.getByRole('button', { name: 'Skicka lapp' }).click();
}

test('a workshop board live: two phones see each other’s notes and dots, then the notes become inputs', async ({ page, browser }) => {
  // Three browsers and a dozen steps on a shared two-core machine.
  test.setTimeout(180_000);
  // The facilitator opens a board for the event.
  await signIn(page);
  const eventId = await demoEventId(page);
  await page.goto(`/events/${eventId}`);
  await page.getByRole('link', { name: /^Workshoptavlor/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshoptavlor' })).toBeVisible();
  await expectAccessible(page, 'the event boards page');
  const form = page.getByTestId('new-board-form');
  await form.getByRole('textbox', { name: /^Rubrik/ }).fill('Framtidsverkstad Sorsele');
  await form.getByRole('textbox', { name: /^Frågor/ }).fill('Vad behövs i byn?\nVad kan vi göra själva?');
  await form.getByRole('button', { name: 'Skapa tavla' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Framtidsverkstad Sorsele' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'live');
  const code = (await page.getByTestId('board-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByRole('img', { name: `QR-kod som öppnar tavlan med koden ${code}` })).toBeVisible();
  await expectAccessible(page, 'the facilitator board');

  // Two participants on phones: one types the code, the other follows the QR code's link.
  const anna = await phone(browser);
  await anna.page.goto('/delta');
  await expectAccessible(anna.page, 'the join page on a phone');
  await join(anna.page, '/delta', code, 'Anna');
  const bo = await phone(browser);
  await join(bo.page, `/delta/${code}`);
  await expect(page.getByTestId('participant-count')).toHaveText('2 deltagare har gått med');

  await anna.page.getByRole('combobox', { name: 'Fråga' }).selectOption({ label: 'Vad behövs i byn?' });
  await post(anna.page, 'Bussen behöver gå på kvällarna');
  // Bo sees Anna's note without reloading, and so does the facilitator.
  await expect(note(bo.page, 'Bussen behöver gå på kvällarna')).toBeVisible();
  await expect(note(page, 'Bussen behöver gå på kvällarna')).toBeVisible();
  await post(bo.page, 'Ett paketskåp vid affären');
  await expect(note(anna.page, 'Ett paketskåp vid affären')).toBeVisible();
  await expect(note(anna.page, 'Bussen behöver gå på kvällarna')).toContainText('Din');
  await expectAccessible(anna.page, 'the participant board on a phone');
  await expectNoHorizontalScroll(anna.page, PHONE.width);

  // A note written without a connection waits in the phone and is sent when it comes back.
  await bo.context.setOffline(true);
  await post(bo.page, 'Skrivet utan täckning');
  await expect(bo.page.getByTestId('queued-notes')).toContainText('Skrivet utan täckning');
  await bo.context.setOffline(false);
  await expect(note(anna.page, 'Skrivet utan täckning')).toHaveCount(1);
  await expect(bo.page.getByTestId('queued-notes')).toHaveCount(0);
  await expect(note(bo.page, 'Skrivet utan täckning')).toHaveCount(1);

  // The facilitator clusters a note with the keyboard: a cluster, then "Flytta till" on the note.
  const column = page.getByTestId('board-column').filter({ has: page.getByRole('heading', { name: 'Vad behövs i byn?' }) });
  await column.getByRole('textbox', { name: 'Nytt kluster' }).fill('Service');
  await column.getByRole('button', { name: 'Lägg till kluster' }).press('Enter');
  const cluster = page.getByTestId('board-cluster').filter({ hasText: 'Service' });
  await expect(cluster).toBeVisible();
  const parcel = note(page, 'Ett paketskåp vid affären');
  await parcel.getByText('Flytta, slå ihop, dölj').press('Enter');
  await parcel.getByRole('combobox', { name: 'Flytta till' }).selectOption({ label: 'Vad behövs i byn? › Service' });
  await expect(cluster.getByTestId('board-note').filter({ has: page.getByTestId('note-text').getByText('Ett paketskåp vid affären', { exact: true }) })).toBeVisible();

  // The facilitator's board also fits a phone held by the facilitator.
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Dot voting: Anna puts a dot on Bo's note; Bo and the facilitator see it at once.
  await page.getByRole('button', { name: /^Öppna röstning/ }).click();
  await expect(anna.page.getByTestId('dots-left')).toHaveText('Röstning pågår: du har 3 prickar kvar av 3.');
  const annaParcel = note(anna.page, 'Ett paketskåp vid affären');
  await annaParcel.getByRole('button', { name: /^Ge en prick/ }).click();
  await expect(anna.page.getByTestId('dots-left')).toHaveText('Röstning pågår: du har 2 prickar kvar av 3.');
  await expect(note(bo.page, 'Ett paketskåp vid affären').getByTestId('note-votes')).toHaveText('1 prick');
  await expect(parcel.getByTestId('note-votes')).toHaveText('1 prick');
  await expectAccessible(bo.page, 'the participant board while voting');

  // Closing: the notes become inputs of the event, shown with their status.
  await page.getByRole('button', { name: 'Stäng tavlan' }).click();
  await page.getByRole('button', { name: 'Ja, stäng och skapa inspel' }).click();
  await expect(page.getByText('Tavlan är stängd. 3 lappar blev inspel.')).toBeVisible();
  const inputs = page.getByTestId('board-inputs');
  await expect(inputs.getByRole('listitem')).toHaveCount(3);
  await expect(inputs.getByTestId('input-status').first()).toHaveText('Mottaget');
  await expect(anna.page.getByText('Tavlan är stängd. Tack för dina idéer – de följs upp som inspel.')).toBeVisible();
  await expectAccessible(page, 'the closed board with its inputs');
  await inputs.getByRole('link', { name: 'Bussen behöver gå på kvällarna' }).click();
  await expect(page.getByText('Bussen behöver gå på kvällarna').first()).toBeVisible();
  await expect(page.getByText('Mottaget').first()).toBeVisible();

  await anna.context.close();
  await bo.context.close();
});

test('the join page fits 320 px and says clearly when a code is unknown', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/delta');
  await page.getByRole('textbox', { name: /^Kod/ }).fill('ZZZZZZ');
  await page.getByRole('button', { name: 'Gå med' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Det finns ingen öppen tavla med den koden.');
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the join page with an error');
});
