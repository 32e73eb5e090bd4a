import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';

async function openServicePlans(page: Page) {
  await openSpacePage(page, 'Service i samverkan');
  await page.getByRole('link', { name: 'Serviceplaner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Serviceplaner – Service i samverkan' })).toBeVisible();
}

test('a process leader writes a service plan, puts it out for consultation, the public comments and the comment is published', async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  const title = `Serviceplan e2e ${stamp}`;
  await signIn(page, LEADER);
  await openServicePlans(page);
  // The demo's draft for Älvdalen is listed.
  const list = page.getByTestId('plan-list');
  await expect(list.getByRole('link', { name: 'Serviceplan för Älvdalens kommun 2026–2029' })).toBeVisible();
  await expectAccessible(page, 'the plan list');

  // A new plan; a period ending before it starts is refused first.
  const form = page.getByTestId('create-plan-form');
  await form.getByRole('textbox', { name: /^Namn på planen/ }).fill(title);
  await form.getByLabel(/^Kommun/).selectOption({ label: 'Älvdalen' });
  await form.getByRole('textbox', { name: /^Periodens början/ }).fill('2027');
  await form.getByRole('textbox', { name: /^Periodens slut/ }).fill('2026');
  await page.getByRole('button', { name: 'Skapa serviceplan' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('error-summary')).toContainText('Periodens slut kan inte vara före dess början.');
  await form.getByRole('textbox', { name: /^Periodens slut/ }).fill('2030');
  await page.getByRole('button', { name: 'Skapa serviceplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Serviceplanen är skapad.')).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveText('Utkast');
  // The villages' service needs from the inputs (the demo has some for Älvdalen), linked to their timelines.
  await expect(page.getByTestId('needs-list').getByRole('link', { name: /Paketombudet i Idre har lagt ner/ })).toBeVisible();

  // The analysis the plan rests on is picked among the space's finished analyses: here a
  // straight-line analysis of two villages, made through the API as the analysis pages would.
  const planId = /\/service-plans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const { spaceId } = (await (await page.request.get(`/api/service-plans/${planId}`)).json()) as { spaceId: string };
  const villages = 'id,lon,lat,population\nidre-e2e,12.72,61.86,700\nsarna-e2e,13.13,61.69,650\n';
  const population = await page.request.post(`/api/spaces/${spaceId}/population/import`, {
    multipart: { file: { name: 'byar-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(villages) } },
    headers: { origin: baseURL! },
  });
  expect(population.status(), await population.text()).toBe(201);
  const started = await page.request.post(`/api/spaces/${spaceId}/analyses`, {
    data: { name: `Planens analys ${stamp}`, populationId: ((await population.json()) as { id: string }).id },
    headers: { origin: baseURL! },
  });
  expect(started.status(), await started.text()).toBe(202);
  const analysisId = ((await started.json()) as { id: string }).id;
  await expect.poll(async () => ((await (await page.request.get(`/api/analyses/${analysisId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe('done');
  await page.reload();
  // The leader reads the plan as readers do, with an "Edit" button per section; nothing is a form yet.
  await expect(page.getByRole('heading', { level: 2, name: 'Åtgärder' })).toBeVisible();
  await expect(page.locator('form[data-testid$="-form"]')).toHaveCount(0);
  await expectAccessible(page, 'the plan read view for a leader');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The analysis: picked in its own section's form, opened and saved by keyboard.
  const analysisSection = page.getByTestId('plan-section-analysis');
  await analysisSection.getByRole('button', { name: 'Redigera Analysunderlag' }).focus();
  await page.keyboard.press('Enter');
  const analysisForm = page.getByTestId('analysis-form');
  await expect(analysisForm.getByLabel(/^Tillgänglighetsanalys som planen bygger på/)).toBeFocused();
  await expect(analysisForm.getByLabel(/^Tillgänglighetsanalys som planen bygger på/)).toHaveValue('');
  await analysisForm.getByLabel(/^Tillgänglighetsanalys som planen bygger på/).selectOption(analysisId);
  await analysisForm.getByRole('button', { name: /^Spara/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expect(analysisForm).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Analysunderlag' })).toBeFocused();
  await expect(analysisSection.getByRole('table', { name: 'Befolkning per restidsklass och typ av service' })).toBeVisible();
  await expect(analysisSection.getByText('Obs! Analysen bygger på fågelvägsavstånd, inte vägnätet.')).toBeVisible();

  // Cancel leaves the section as it was and returns to its heading.
  const background = page.getByTestId('plan-section-background');
  await background.getByRole('button', { name: 'Redigera Bakgrund och koppling till andra planer' }).click();
  await page.getByTestId('background-form').getByRole('textbox', { name: /^Bakgrund/ }).fill('Ska inte sparas.');
  await page.getByTestId('background-form').getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bakgrund och koppling till andra planer' })).toBeFocused();
  await expect(background).not.toContainText('Ska inte sparas.');

  // Background, one service level and one measure, each saved on its own and seen in the read view.
  await background.getByRole('button', { name: 'Redigera Bakgrund och koppling till andra planer' }).click();
  await page.getByTestId('background-form').getByRole('textbox', { name: /^Bakgrund/ }).fill('Långa avstånd mellan byarna.');
  await page.getByTestId('background-form').getByRole('button', { name: /^Spara/ }).click();
  await expect(background.getByText('Långa avstånd mellan byarna.')).toBeVisible();
  const levelsSection = page.getByTestId('plan-section-levels');
  await levelsSection.getByRole('button', { name: 'Redigera Servicenivåer per ort' }).click();
  const levels = page.getByTestId('levels-form');
  await levels.getByRole('button', { name: 'Lägg till en ort' }).click();
  await levels.getByLabel(/^Ort$/).selectOption({ label: 'Idre' });
  await levels.getByLabel(/^Servicenivå/).selectOption({ label: 'Servicenod' });
  await levels.getByText(/^Service som ska finnas/).click();
  await levels.getByRole('checkbox', { name: 'Drivmedel' }).check();
  await levels.getByRole('button', { name: /^Spara/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Servicenivåer per ort' })).toBeFocused();
  await expect(levelsSection.getByTestId('levels-table').getByRole('row', { name: /Idre/ })).toContainText('Servicenod');
  await expect(levelsSection.getByTestId('levels-table').getByRole('row', { name: /Idre/ })).toContainText('Drivmedel');
  const measuresSection = page.getByTestId('plan-section-measures');
  await measuresSection.getByRole('button', { name: 'Redigera Åtgärder' }).click();
  const measures = page.getByTestId('measures-form');
  await measures.getByRole('button', { name: 'Lägg till en åtgärd' }).click();
  await measures.getByRole('textbox', { name: /^Åtgärd/ }).fill('Paketskåp i Idre');
  await measures.getByRole('textbox', { name: /^Kostnad/ }).fill('45000');
  await expectAccessible(page, 'a plan section opened for editing');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await page.setViewportSize({ width: 1280, height: 720 });
  await measures.getByRole('button', { name: /^Spara/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Åtgärder' })).toBeFocused();
  await expect(measuresSection.getByTestId('measures-table')).toContainText('Paketskåp i Idre');
  await expect(measuresSection.getByTestId('measures-table')).toContainText('45 000');
  // Saving one section left the others as they were.
  await expect(background.getByText('Långa avstånd mellan byarna.')).toBeVisible();
  await expect(levelsSection.getByTestId('levels-table')).toContainText('Idre');

  // Out for consultation.
  const lifecycle = page.getByTestId('lifecycle');
  await lifecycle.getByRole('button', { name: 'Skicka ut på samråd' }).click();
  await expect(page.getByText('Planen är ute på samråd.')).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveText('Ute på samråd');
  const planUrl = new URL(page.url());

  // The public: the consultation page without an account, on a phone.
  const guest = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const visitor = await guest.newPage();
  await visitor.goto(`${planUrl.origin}${planUrl.pathname}/consultation`);
  await expect(visitor.getByRole('heading', { level: 1, name: `Samråd: ${title}` })).toBeVisible();
  await expect(visitor.getByTestId('measures-table')).toContainText('Paketskåp i Idre');
  await visitor.getByRole('button', { name: 'Skicka synpunkten' }).click();
  await expect(visitor.getByTestId('error-summary')).toBeFocused();
  const comment = visitor.getByTestId('comment-form');
  await comment.getByRole('textbox', { name: /^Din synpunkt/ }).fill(`Paketskåpet behövs även i Särna ${stamp}`);
  await comment.getByRole('textbox', { name: /^Ditt namn/ }).fill('Särna byalag');
  await comment.getByLabel(/^Ort synpunkten gäller/).selectOption({ label: 'Särna' });
  // Sent from the keyboard.
  await visitor.getByRole('button', { name: 'Skicka synpunkten' }).focus();
  await visitor.keyboard.press('Enter');
  await expect(visitor.getByText('Tack! Din synpunkt har kommit in')).toBeVisible();
  await expectAccessible(visitor, 'the public consultation page');
  await expectNoHorizontalScroll(visitor, 320);

  // The leader publishes it with an answer; the public then sees it with its date.
  await page.reload();
  const moderated = page.getByTestId('moderated-comment').filter({ hasText: String(stamp) });
  await moderated.getByRole('textbox', { name: /^Kommunens svar/ }).fill('Vi tar med Särna i nästa version.');
  await moderated.getByRole('button', { name: 'Publicera', exact: true }).click();
  await expect(moderated).toContainText('Publicerad');
  await visitor.reload();
  const published = visitor.getByTestId('published-comments');
  await expect(published).toContainText(`Paketskåpet behövs även i Särna ${stamp}`);
  await expect(published).toContainText('Vi tar med Särna i nästa version.');
  await expect(published.locator('time')).toHaveCount(1);
  await guest.close();

  // The print view of the plan: the document with its map and measures, laid out for paper.
  await page.getByRole('link', { name: 'Utskriftsvy' }).click();
  const doc = page.getByTestId('plan-document');
  await expect(doc.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(doc.getByRole('img', { name: 'Karta över Älvdalens kommun med orter och servicenivåer' })).toBeVisible();
  await expect(page.getByTestId('document-measures')).toContainText('Paketskåp i Idre');
  // The map's legend, drawn with the browser's own fonts, stays inside the picture.
  const legend = await doc.getByRole('img', { name: 'Karta över Älvdalens kommun med orter och servicenivåer' }).evaluate(async (img) => {
    const svg = decodeURIComponent((img as HTMLImageElement).src.split(',')[1]!);
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    const root = holder.querySelector('svg')!;
    const width = root.viewBox.baseVal.width;
    const entries = Array.from(root.querySelectorAll('.legend-item'), (g) => {
      const box = (g as SVGGraphicsElement).getBBox();
      const matrix = (g as SVGGraphicsElement).transform.baseVal.consolidate()!.matrix;
      return { label: g.textContent, right: matrix.e + box.x + box.width };
    });
    holder.remove();
    return { width, entries };
  });
  expect(legend.entries.map((e) => e.label)).toEqual(['Serviceort', 'Servicenod', 'Servicepunkt', 'Övrig ort', 'Servicepunkt i inventeringen']);
  for (const entry of legend.entries) expect(entry.right, entry.label ?? '').toBeLessThanOrEqual(legend.width);
  await expectAccessible(page, 'the print view');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(doc).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The regional view: Dalarna's municipalities with the plan that is out for consultation.
  await page.goto('/service-programme');
  await page.getByLabel(/^Län/).selectOption({ label: 'Dalarnas län' });
  await expect(page.getByRole('heading', { level: 1, name: 'Regionalt serviceprogram – Dalarnas län' })).toBeVisible();
  const table = page.getByTestId('programme-table');
  await expect(table.getByRole('link', { name: title })).toBeVisible();
  await expect(table.getByRole('row', { name: /Ludvika/ })).toContainText('Ingen serviceplan');
  await expect(page.getByTestId('map')).toHaveAttribute('data-municipality-codes', '2039');
  await expectAccessible(page, 'the regional service programme view');
});

test('the public sees no drafts: the regional view and a draft plan, at 320 px', async ({ browser }) => {
  const guest = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await guest.newPage();
  await page.goto('/service-programme?county=20');
  await expect(page.getByRole('heading', { level: 1, name: 'Regionalt serviceprogram – Dalarnas län' })).toBeVisible();
  await expect(page.getByTestId('programme-table')).not.toContainText('Serviceplan för Älvdalens kommun 2026–2029');
  await expectAccessible(page, 'the regional view for the public');
  await expectNoHorizontalScroll(page, 320);
  await openSpacePage(page, 'Service i samverkan');
  await page.getByRole('link', { name: 'Serviceplaner', exact: true }).click();
  await expect(page.getByTestId('plan-list')).not.toContainText('Serviceplan för Älvdalens kommun');
  await expectNoHorizontalScroll(page, 320);
  await guest.close();
});
