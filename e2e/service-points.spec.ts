import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';
const OBSERVER = 'region@example.org';

async function openServices(page: Page) {
  await openSpacePage(page, 'Service i samverkan');
  await page.getByRole('link', { name: 'Service: karta och servicepunkter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service – Service i samverkan' })).toBeVisible();
}

test('anyone sees the public map and list of services and a point with its hours in Swedish', async ({ page }) => {
  await openServices(page);
  const table = page.getByTestId('service-points-table');
  await expect(table.getByRole('link', { name: 'Särna Handel (exempel)' })).toBeVisible();
  await expect(page.getByTestId('service-points-count')).toHaveText('10 servicepunkter');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  await expect(map).toHaveAttribute('data-point-count', '10');
  // Filters narrow map and table together.
  await page.getByLabel('Status').selectOption({ label: 'Hotad' });
  await expect(page.getByTestId('service-points-count')).toHaveText('2 servicepunkter');
  await expect(map).toHaveAttribute('data-point-count', '2');
  await expectAccessible(page, 'the services page');
  // Outsiders get no editing controls.
  await expect(page.getByRole('link', { name: 'Ny servicepunkt' })).toHaveCount(0);

  await table.getByRole('link', { name: 'Särna Handel (exempel)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Särna Handel (exempel)' })).toBeVisible();
  const week = page.getByTestId('opening-week');
  await expect(week.getByRole('rowheader')).toHaveCount(7);
  await expect(week.getByRole('rowheader').first()).toHaveText(/^(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag) \d{1,2} [a-zåäö]+$/);
  await expect(page.getByText('Investeringsstöd för kommersiell service 2024')).toBeVisible();
  await expect(page.getByText('Källa: Exempeldata (demo)').first()).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('Skapad');
  await expectAccessible(page, 'a service point page');

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Service – Service i samverkan' })).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
});

test('a facilitator adds a point on the map, is told when the hours do not read, and edits it', async ({ page }) => {
  const name = `Nya byboden ${Date.now()}`;
  await signIn(page, LEADER);
  await openServices(page);
  await page.getByRole('link', { name: 'Ny servicepunkt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny servicepunkt' })).toBeVisible();
  const form = page.getByTestId('service-point-form');
  await form.getByRole('textbox', { name: /^Namn/ }).fill(name);
  await form.getByRole('checkbox', { name: 'Dagligvaror, begränsat sortiment' }).check();
  await form.getByRole('checkbox', { name: 'Paketutlämning' }).check();
  const map = form.getByTestId('map');
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  if ((await map.getAttribute('data-map-state')) === 'ready') {
    // A click on the map picks the place and fills in the coordinates.
    await expect(map).toHaveAttribute('data-style-loaded', 'true');
    await map.locator('canvas').click({ position: { x: 60, y: 60 } });
    await expect(form.getByRole('textbox', { name: /^Latitud/ })).not.toHaveValue('');
  }
  // The coordinates can always be typed (keyboard users, a known address).
  await form.getByRole('textbox', { name: /^Latitud/ }).fill('61,5012');
  await form.getByRole('textbox', { name: /^Longitud/ }).fill('13,9021');
  await form.getByLabel('Kommun').selectOption({ label: 'Älvdalen' });
  await form.getByRole('textbox', { name: /^Öppettider/ }).fill('måndag till fredag');
  await form.getByRole('textbox', { name: 'Källa för Öppettider' }).fill('Skylt på dörren');
  await expectAccessible(page, 'the new service point form');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.getByRole('button', { name: 'Spara servicepunkten' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('error-summary')).toContainText('Öppettiderna kan inte läsas som OSM-öppettider');
  await form.getByRole('textbox', { name: /^Öppettider/ }).fill('Mo-Fr 10:00-18:00; Sa 10:00-14:00');
  await form.getByRole('button', { name: 'Spara servicepunkten' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Källa: Skylt på dörren').first()).toBeVisible();

  await page.getByRole('link', { name: 'Ändra' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ändra ${name}` })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Hotad' });
  await page.getByLabel(/^Datum för status/).fill('2026-11-01');
  await expectAccessible(page, 'the edit form');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('Status: Öppen → Hotad');
});

test('a facilitator imports service points from CSV with a preview and per-row errors', async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, LEADER);
  await openServices(page);
  await page.getByRole('link', { name: 'Importera servicepunkter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera servicepunkter' })).toBeVisible();
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'fel.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,type,lon,lat,name\nx-${stamp},bageri,14.1,61.2,Bageriet\n`) });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByTestId('import-errors')).toContainText('Rad 2: Okänd typ "bageri"');
  await page.getByLabel('Fil', { exact: true }).setInputFiles({
    name: 'punkter.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`id,type,lon,lat,name\nimp-${stamp},fuel,14.05,61.23,Älvdalens mack ${stamp}\nimp-${stamp},payment,14.05,61.23,Älvdalens mack ${stamp}\ndemo-idre-livs,post,12.7199,61.8587,Idre Livs (exempel)\n`),
  });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const result = page.getByTestId('import-result');
  await expect(result.getByRole('status')).toHaveText('1 nya, 1 uppdaterade, 0 oförändrade.');
  await expect(result.getByTestId('import-rows')).toContainText('Idre Livs (exempel) (samma id)');
  await expectAccessible(page, 'the import preview');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 720 });
  await result.getByRole('button', { name: 'Importera 2 punkter' }).click();
  await expect(page.getByText('Klart: 1 nya och 1 uppdaterade servicepunkter.')).toBeVisible();
  await page.getByRole('link', { name: 'Service – Service i samverkan' }).click();
  await expect(page.getByTestId('service-points-table').getByRole('link', { name: `Älvdalens mack ${stamp}` })).toBeVisible();
});

test('an observer suggests a change; the facilitator rejects it and the point stays as it was', async ({ browser }) => {
  const observer = await (await browser.newContext()).newPage();
  await signIn(observer, OBSERVER);
  await openServices(observer);
  await observer.getByTestId('service-points-table').getByRole('link', { name: 'Sunnansjö livs (exempel)' }).click();
  await observer.getByRole('link', { name: 'Föreslå en ändring' }).click();
  await expect(observer.getByRole('heading', { level: 1, name: 'Föreslå en ändring av Sunnansjö livs (exempel)' })).toBeVisible();
  await observer.getByRole('textbox', { name: /^Öppettider/ }).fill('Mo-Sa 08:00-22:00');
  await observer.getByRole('textbox', { name: /^Kommentar till processledaren/ }).fill('Nya tider från i måndags');
  await expectAccessible(observer, 'the suggestion form');
  await observer.getByRole('button', { name: 'Skicka förslaget' }).click();
  await expect(observer.getByText('Ditt förslag är skickat')).toBeVisible();

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, LEADER);
  await openServices(leader);
  const pending = leader.getByTestId('pending-suggestions');
  await expect(pending).toContainText('Sunnansjö livs (exempel)');
  await pending.getByRole('link', { name: 'Sunnansjö livs (exempel)' }).first().click();
  const suggestion = leader.getByTestId('suggestion').filter({ hasText: 'Väntar på beslut' }).first();
  await expect(suggestion).toContainText('Öppettider: Mo-Fr 10:00-18:00; Sa 10:00-14:00 → Mo-Sa 08:00-22:00');
  await expectAccessible(leader, 'a point page with a suggestion to decide');
  await suggestion.getByRole('textbox', { name: /^Motivering/ }).fill('Stämmer inte med butikens skylt');
  await suggestion.getByRole('button', { name: 'Avslå' }).click();
  await expect(leader.getByText('Förslaget är avslaget. Servicepunkten är oförändrad.')).toBeVisible();
  await expect(leader.getByText('Öppettider i OSM-format: Mo-Fr 10:00-18:00; Sa 10:00-14:00')).toBeVisible();
  await expect(leader.getByTestId('history')).toContainText('Förslag avslaget');
  await expect(leader.getByTestId('history')).toContainText('Ändring föreslagen');
});

test('a facilitator previews an OpenStreetMap extract through the engine’s tag mapping', async ({ page }) => {
  await signIn(page, LEADER);
  await openServices(page);
  await page.getByRole('link', { name: 'Importera servicepunkter' }).click();
  // On the import page first: until then 'Fil' would also find the list's "Filtrera servicepunkter".
  await expect(page.getByRole('heading', { level: 1, name: 'Importera servicepunkter' })).toBeVisible();
  await page.getByLabel('Fil', { exact: true }).setInputFiles('packages/engine/test/fixtures/andorra.osm.pbf');
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const result = page.getByTestId('import-result');
  // The engine README's counts for Andorra.
  await expect(result).toContainText('Dagligvaror: 17 · Drivmedel: 19 · Apotek och apoteksombud: 3 · Post och paket: 1 · Betaltjänster: 11');
  await expect(result.getByTestId('import-rows')).toContainText('n2050272761');
  // Only a preview: nothing was imported.
  await page.getByRole('link', { name: 'Service – Service i samverkan' }).click();
  await page.getByRole('searchbox', { name: 'Sök på namn, adress eller id' }).fill('n2050272761');
  await expect(page.getByTestId('service-points-count')).toHaveText('0 servicepunkter');
  await expect(page.getByText('Inga servicepunkter matchar filtret.')).toBeVisible();
});
