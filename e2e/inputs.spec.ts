import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';
const SERVICE = 'Service i samverkan';

async function openInputs(page: Page, space = SERVICE) {
  await openSpacePage(page, space);
  await page.getByRole('link', { name: 'Alla inspel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Inspel – ${space}` })).toBeVisible();
}

test('on a phone, someone without an account raises a need with a place, and sees it received', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
  const page = await context.newPage();
  const stamp = Date.now();
  await openInputs(page);
  await page.getByRole('link', { name: 'Lämna ett inspel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lämna ett inspel' })).toBeVisible();
  const form = page.getByTestId('input-form');
  await expect(form.getByText('För processledare')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the public input form at 320 px');

  // Sending an empty form: the summary takes focus and names the field, in Swedish.
  await form.getByRole('button', { name: 'Skicka inspelet' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vad behövs?');
  await expect(form.getByRole('textbox', { name: /^Vad behövs\?/ })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the public input form with errors');

  const text = `Paketombud i Idre behövs ${stamp}`;
  await form.getByRole('textbox', { name: /^Vad behövs\?/ }).fill(text);
  await form.getByLabel(/^Tema/).selectOption({ label: 'Service' });
  await form.getByLabel(/^Typ av service/).selectOption({ label: 'Post och paket' });
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Älvdalen' });
  await form.getByLabel(/^Ort eller by/).selectOption({ label: 'Idre' });
  const map = page.getByTestId('inputs-map');
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  if ((await map.getAttribute('data-map-state')) === 'ready') {
    await form.getByRole('button', { name: 'Välj kartans mittpunkt' }).click();
    await expect(page.getByTestId('picked-point')).toContainText('Vald plats: latitud');
  }
  await form.getByText('Agenda 2030-mål (valfritt)').click();
  await form.getByLabel('11. Hållbara städer och samhällen').check();
  await form.getByLabel(/^Lämnas av/).selectOption({ label: 'Boende / privatperson' });
  await form.getByLabel(/^Åldersgrupp/).selectOption({ label: '65 år eller äldre' });
  await form.getByRole('textbox', { name: /^E-post för besked/ }).fill(`boende-${stamp}@example.org`);
  await form.getByRole('button', { name: 'Skicka inspelet' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Inspel nr \d+ \(behov\)$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Tack! Ditt inspel har fått nummer' })).toContainText('Du får besked via e-post');
  await expect(page.getByTestId('input-text')).toHaveText(text);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline).toContainText('Mottaget');
  await expect(page.getByText('Idre, Älvdalen')).toBeVisible();
  await expect(page.getByText(`boende-${stamp}`)).toHaveCount(0);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'a new input at 320 px');
  await context.close();
});

test('the public list filters by theme and service type, shows a map and offers CSV', async ({ page }) => {
  await openInputs(page);
  const count = page.getByTestId('inputs-count');
  await expect(count).toContainText('inspel');
  await expect(page.getByTestId('inputs-map')).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  await page.getByRole('search', { name: 'Filtrera inspelen' }).getByLabel('Tema').selectOption({ label: 'Service' });
  await page.getByRole('search', { name: 'Filtrera inspelen' }).getByLabel('Typ av service').selectOption({ label: 'Betaltjänster (kontanter, dagskassa)' });
  await expect(page).toHaveURL(/theme=service&serviceType=payment|serviceType=payment/);
  const cards = page.getByTestId('input-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('kontanter');
  await expect(cards.first().getByTestId('input-status')).toHaveText('Bedöms');
  const figures = page.getByTestId('input-figures');
  await figures.getByText('Siffror för urvalet (1 inspel)').click();
  await expect(figures.getByRole('table', { name: 'Status' }).getByRole('row', { name: 'Bedöms 1' })).toBeVisible();
  await expect(figures.getByRole('table', { name: 'Sektor' }).getByRole('row', { name: 'Näringsliv 1' })).toBeVisible();
  await expectAccessible(page, 'the filtered list of inputs with its figures');

  const csvLink = page.getByRole('link', { name: 'Inspelen som CSV (för kalkylprogram)' });
  const href = await csvLink.getAttribute('href');
  expect(href).toContain('format=csv');
  expect(href).toContain('serviceType=payment');
  const csv = await page.request.get(href!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('being_assessed');
});

test('an input’s page shows its public timeline up to the plan action that answers it', async ({ page }) => {
  await openInputs(page);
  await page.getByRole('link', { name: /Paketombudet i Idre har lagt ner/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Inspel nr \d+ \(behov\)$/ })).toBeVisible();
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(3);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Bedöms');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Togs upp på bymötet i Idre');
  await expect(timeline.getByRole('listitem').nth(2)).toContainText('Besvaras av: Serviceplan Älvdalen (utkast): paketombud i Idre livs');
  await expect(page.getByRole('listitem').filter({ hasText: 'Mål 11' })).toContainText('Hållbara städer och samhällen');
  await expect(page.getByRole('heading', { name: 'Ändra status' })).toHaveCount(0);
  await expectAccessible(page, 'an input with its timeline');
});

test('a facilitator triages by keyboard: declining needs a reason, then the change is public', async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, LEADER);
  // A fresh input to decline, entered on someone's behalf from a phone call.
  await openInputs(page);
  await page.getByRole('link', { name: 'Lämna ett inspel' }).click();
  const form = page.getByTestId('input-form');
  await form.getByLabel('Jag för in ett inspel åt någon annan').check();
  await form.getByLabel(/^Hur kom inspelet in\?/).selectOption({ label: 'Telefon' });
  const text = `Telefon: önskar bankomat vid badplatsen ${stamp}`;
  await form.getByRole('textbox', { name: /^Vad behövs\?/ }).fill(text);
  await form.getByRole('button', { name: 'För in inspelet' }).click();
  await expect(page.getByText(/Inlämnat via processledare \(Telefon\) – inlagt av Demo Processledare/)).toBeVisible();
  const detailUrl = page.url();

  await page.goto(detailUrl.replace(/\/inputs\/[^/]+$/, '/inputs/triage'));
  await expect(page.getByRole('heading', { level: 1, name: `Hantera inspel – ${SERVICE}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Mottaget \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'the triage view');
  const item = page.getByTestId('triage-item').filter({ hasText: text });
  await expect(item).toHaveCount(1);

  // Keyboard only from the item's status field: choose "Avslaget", leave the reason empty, send.
  const status = item.getByLabel('Ny status');
  await status.focus();
  for (let i = 0; i < 4 && (await status.inputValue()) !== 'declined'; i++) await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('declined');
  await page.keyboard.press('Tab');
  await expect(item.getByRole('textbox', { name: /^Motivering/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: 'Spara status' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item.getByRole('alert')).toHaveText('Ange ett skäl när ett inspel avslås. Skälet visas öppet för den som lämnade det.');
  await expect(item.getByTestId('input-status')).toHaveText('Mottaget');
  await expectAccessible(page, 'the triage view with an error');

  await page.keyboard.press('Shift+Tab');
  await expect(item.getByRole('textbox', { name: /^Motivering/ })).toBeFocused();
  await page.keyboard.type('Banken placerar inga nya automater; kontanter finns i butiken.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Inspel nr \d+ har nu status Avslaget\./ })).toBeVisible();
  await expect(page.getByTestId('triage-item').filter({ hasText: text })).toHaveCount(0);

  // Everyone sees the change, its date and its reason.
  await page.goto(detailUrl);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Avslaget');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Banken placerar inga nya automater');
  await expectAccessible(page, 'an input with the leader’s controls');
});
