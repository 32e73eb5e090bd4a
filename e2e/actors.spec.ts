import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn, openSpacePage } from './helpers.ts';

const LEADER = 'processledare@example.org';

/** A Swedish organisation number whose check digit is right (or, with `valid = false`, wrong). */
function orgNumber(seed: number, valid = true): string {
  const base = `55${String(seed).slice(-7).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(base[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${base.slice(0, 6)}-${base.slice(6)}${valid ? check : (check + 1) % 10}`;
}

async function openTalko(page: Page) {
  await openSpacePage(page, 'TALKO Lappland');
}

async function fillOrganisation(page: Page, o: { name: string; orgNumber?: string; sector: string; type: string; level: string; municipality: string }) {
  const form = page.getByTestId('organisation-form');
  await form.getByRole('textbox', { name: /^Namn/ }).fill(o.name);
  await form.getByRole('textbox', { name: /^Organisationsnummer/ }).fill(o.orgNumber ?? '');
  await form.getByLabel(/^Sektor/).selectOption({ label: o.sector });
  await form.getByLabel(/^Typ/).selectOption({ label: o.type });
  await form.getByLabel(/^Nivå/).selectOption({ label: o.level });
  await form.getByLabel(/^Kommun/).selectOption({ label: o.municipality });
}

test('a leader adds two organisations and a collaboration, and sees them in the network, the tables and the before/after', async ({ page }) => {
  const stamp = Date.now();
  const village = `Testbyns byalag ${stamp}`;
  const shop = `Testbyns handel ${stamp}`;
  await signIn(page, LEADER);
  await openTalko(page);
  await page.getByRole('link', { name: 'Nätverk och nyckeltal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nätverk – TALKO Lappland' })).toBeVisible();
  const graph = page.getByTestId('network-graph');
  await expect(graph).toHaveAttribute('data-state', /^(ready|fallback)$/);
  const nodes = Number(await graph.getAttribute('data-node-count'));
  const edges = Number(await graph.getAttribute('data-edge-count'));
  expect(nodes).toBeGreaterThan(0);
  // The metric counts pairs of organisations: two ties between one pair (e.g. a registered one and
  // one derived from a working group) are one link there, so it has its own starting value.
  await expect(page.getByTestId('metric-edges')).toHaveText(/^\d+$/);
  const linkedPairs = Number(await page.getByTestId('metric-edges').innerText());

  // A baseline before anything changes.
  const baseline = `Utgångsläge ${stamp}`;
  await page.getByTestId('snapshot-form').getByRole('textbox', { name: /^Namn på läget/ }).fill(baseline);
  await page.getByRole('button', { name: 'Spara läget' }).click();
  await expect(page.getByText(`Läget ”${baseline}” är sparat.`)).toBeVisible();

  // A new organisation, added to the space at once; a wrong check digit is refused first.
  await page.getByRole('link', { name: 'Finns den inte? Lägg till en ny organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till organisation' })).toBeVisible();
  await fillOrganisation(page, { name: village, orgNumber: orgNumber(stamp, false), sector: 'Civilsamhälle', type: 'Byförening / byalag', level: 'Lokal', municipality: 'Sorsele' });
  await page.getByRole('button', { name: 'Lägg till organisation' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  const number = page.getByTestId('organisation-form').getByRole('textbox', { name: /^Organisationsnummer/ });
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('organisation-form')).toContainText('kontrollsiffran stämmer inte');
  await expectAccessible(page, 'the create organisation page with errors');
  await number.fill('');
  await page.getByRole('button', { name: 'Lägg till organisation' }).click();
  await expect(page.getByText('Organisationen är tillagd i arenan.')).toBeVisible();
  await expect(graph).toHaveAttribute('data-node-count', String(nodes + 1));

  await page.getByRole('link', { name: 'Finns den inte? Lägg till en ny organisation' }).click();
  await fillOrganisation(page, { name: shop, orgNumber: orgNumber(stamp), sector: 'Näringsliv', type: 'Företag', level: 'Lokal', municipality: 'Sorsele' });
  await page.getByRole('button', { name: 'Lägg till organisation' }).click();
  await expect(page.getByText('Organisationen är tillagd i arenan.')).toBeVisible();
  await expect(graph).toHaveAttribute('data-node-count', String(nodes + 2));

  // A collaboration between them.
  const form = page.getByTestId('collaboration-form');
  await form.getByLabel(/^Organisation/).selectOption({ label: village });
  await form.getByLabel(/^Samverkar med/).selectOption({ label: shop });
  await form.getByLabel(/^Typ av samverkan/).selectOption({ label: 'Partnerskap' });
  await form.getByLabel(/^Hur ofta/).selectOption({ label: 'Regelbundet' });
  await form.getByRole('button', { name: 'Registrera samverkan' }).click();
  await expect(page.getByText(`Samverkan mellan ${village} och ${shop} är registrerad.`)).toBeVisible();
  await expect(graph).toHaveAttribute('data-edge-count', String(edges + 1));
  await expect(graph).toHaveAttribute('data-state', /^(ready|fallback)$/);

  // The same in the tables, which are always there.
  const organisations = page.getByTestId('network-organisations');
  await expect(organisations.getByRole('row').filter({ hasText: village })).toContainText('Civilsamhälle');
  await expect(organisations.getByRole('row').filter({ hasText: shop })).toContainText('Näringsliv');
  const collaboration = page.getByTestId('network-collaborations').getByRole('row').filter({ hasText: village });
  await expect(collaboration).toContainText(shop);
  await expect(collaboration).toContainText('Partnerskap');
  await expect(collaboration).toContainText('Inlagd');
  await expect(collaboration).toContainText('Regelbundet');
  await expect(page.getByTestId('metric-edges')).toHaveText(String(linkedPairs + 1));

  // Sorting by keyboard, and finding an organisation by name.
  const nameHeader = organisations.getByRole('columnheader', { name: /^Namn/ });
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.getByLabel('Sök organisation i nätverket').fill(`byalag ${stamp}`);
  await page.keyboard.press('Enter');
  const profile = page.getByTestId('network-profile');
  await expect(profile.getByRole('heading', { level: 2, name: village })).toBeFocused();
  await expect(profile).toContainText(shop);
  await expect(graph).toHaveAttribute('data-selected', /^[0-9a-f-]{36}$/);
  await expectAccessible(page, 'the network page');

  // Before and after: the new collaboration since the baseline.
  await page.getByRole('button', { name: `Jämför med nu ${baseline}` }).click();
  const comparison = page.getByTestId('snapshot-comparison');
  await expect(comparison.getByTestId('comparison-new').getByRole('row').filter({ hasText: village })).toContainText(shop);
  const ties = comparison.getByTestId('comparison-summary').getByRole('row').filter({ hasText: 'Samverkansband' });
  await expect(ties.getByRole('cell')).toHaveText([String(linkedPairs), String(linkedPairs + 1), '+1']);
  await expectAccessible(page, 'the network page with a comparison');

  // The organisation's own page lists the collaboration and can be edited.
  await organisations.getByRole('link', { name: village }).click();
  await expect(page.getByRole('heading', { level: 1, name: village })).toBeVisible();
  await expect(page.getByTestId('organisation-collaborations').getByRole('row').filter({ hasText: shop })).toContainText('Partnerskap');
  await expectAccessible(page, 'the organisation page');
  await page.getByRole('button', { name: 'Ändra organisationen' }).click();
  const edit = page.getByTestId('organisation-form');
  await expect(edit.getByRole('textbox', { name: /^Namn/ })).toBeFocused();
  await edit.getByRole('textbox', { name: /^Beskrivning/ }).fill('Byalaget driver bygdegården och snöröjningen.');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expect(page.getByText('Byalaget driver bygdegården och snöröjningen.')).toBeVisible();

  // A collaboration that was recorded by mistake is removed, after a confirmation.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('organisation-collaborations').getByRole('button', { name: /^Ta bort samverkan mellan/ }).click();
  await expect(page.getByText('Samverkan är borttagen.')).toBeVisible();
  await expect(page.getByTestId('organisation-collaborations')).toHaveText('Ingen samverkan registrerad ännu.');
});

test('a near-duplicate organisation is warned about and the existing one offered', async ({ page }) => {
  const name = `Dubbletthuset ${Date.now()}`;
  await signIn(page, LEADER);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisationer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
  await expect(page.getByTestId('organisations-table').getByRole('link', { name: 'Sorsele kommun' })).toBeVisible();
  await expectAccessible(page, 'the organisations page');

  await page.getByRole('link', { name: 'Lägg till organisation' }).click();
  await fillOrganisation(page, { name, sector: 'Civilsamhälle', type: 'Förening', level: 'Lokal', municipality: 'Storuman' });
  await page.getByRole('button', { name: 'Lägg till organisation' }).click();
  await expect(page.getByText('Organisationen är tillagd.')).toBeVisible();
  const firstUrl = page.url();

  await page.goto('/organisations/new');
  await fillOrganisation(page, { name, sector: 'Civilsamhälle', type: 'Förening', level: 'Lokal', municipality: 'Storuman' });
  await page.getByRole('button', { name: 'Lägg till organisation' }).click();
  const warning = page.getByTestId('duplicates');
  await expect(warning).toBeFocused();
  await expect(warning).toContainText('Det finns redan en liknande organisation');
  await expect(warning.getByRole('link', { name })).toHaveAttribute('href', new URL(firstUrl).pathname);
  await expectAccessible(page, 'the duplicate warning');
  await warning.getByRole('button', { name: 'Det är en annan organisation – skapa ändå' }).click();
  await expect(page.getByText('Organisationen är tillagd.')).toBeVisible();
  expect(page.url()).not.toBe(firstUrl);

  // Both are in the registry; the filters live in the address.
  await page.goto('/organisations');
  await page.getByRole('searchbox', { name: /^Sök på namn/ }).fill(name);
  await expect(page.getByTestId('organisations-count')).toHaveText('2 organisationer');

  // Its creator may remove an organisation nobody uses yet.
  await page.getByTestId('organisations-table').getByRole('link', { name }).first().click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Ta bort organisationen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
  await page.getByRole('searchbox', { name: /^Sök på namn/ }).fill(name);
  await expect(page.getByTestId('organisations-count')).toHaveText('1 organisation');
  await page.getByLabel('Sektor').selectOption({ label: 'Näringsliv' });
  await expect(page).toHaveURL(/sector=private/);
  await expect(page.getByTestId('organisations-table')).toHaveText('Inga organisationer matchar sökningen.');
});

test('people are shown to the space’s leaders only: not to a member, not to a visitor', async ({ page, browser }) => {
  const person = `Petra Provperson ${Date.now()}`;
  await signIn(page, LEADER);
  await openTalko(page);
  await page.getByRole('link', { name: 'Personer' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer – TALKO Lappland' })).toBeVisible();
  const spacePath = new URL(page.url()).pathname.replace(/\/people$/, '');

  const form = page.getByTestId('person-form');
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await form.getByRole('textbox', { name: /^Namn/ }).fill(person);
  await form.getByRole('textbox', { name: /^E-postadress/ }).fill('petra.provperson@example.org');
  await form.getByLabel(/^Organisation$/).selectOption({ label: 'Sorsele kommun' });
  await form.getByRole('textbox', { name: /^Roll i organisationen/ }).fill('Näringslivsutvecklare');
  await form.getByRole('textbox', { name: /^Ändamål/ }).fill('Kontakt i den lokala arbetsgruppen');
  await form.getByRole('textbox', { name: /^Version av samtyckestexten/ }).fill('1.0');
  await form.getByRole('radio', { name: 'På papper' }).check();
  await form.getByRole('button', { name: 'Lägg till person' }).click();
  await expect(page.getByText(`${person} är tillagd.`)).toBeVisible();
  const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: person });
  await expect(row).toContainText('Sorsele kommun (Näringslivsutvecklare)');
  await expect(row).toContainText('På papper');
  await expectAccessible(page, 'the people page');

  // A member of the same space sees neither the person nor the page.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, 'byalag@example.org');
  await member.goto(`${spacePath}/people`);
  await expect(member.getByTestId('people-hidden')).toHaveText('Personer är personuppgifter och visas bara för arenans ledare.');
  await expect(member.getByText(person)).toHaveCount(0);
  await expectAccessible(member, 'the people page as a member');
  await member.goto(spacePath);
  await expect(member.getByRole('heading', { level: 1, name: 'TALKO Lappland' })).toBeVisible();
  await expect(member.getByRole('link', { name: 'Personer' })).toHaveCount(0);
  await member.goto(`${spacePath}/network`);
  await expect(member.getByTestId('network-organisations')).toBeVisible();
  await expect(member.getByText(person)).toHaveCount(0);
  await memberContext.close();

  // A visitor is asked to sign in.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${spacePath}/people`);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await expect(visitor.getByText(person)).toHaveCount(0);
  await visitorContext.close();

  // The leader edits and then erases the person, after a confirmation.
  await row.getByRole('button', { name: `Ändra ${person}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Ändra ${person}` })).toBeFocused();
  await form.getByRole('textbox', { name: /^Telefon/ }).fill('070-123 45 67');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText(`Ändringarna för ${person} är sparade.`)).toBeVisible();
  await expect(row).toContainText('070-123 45 67');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Radera ${person}` }).click();
  await expect(page.getByText(`${person} är raderad.`)).toBeVisible();
  await expect(page.getByTestId('people-table').getByText(person)).toHaveCount(0);
});

test('a mapping survey is answered through its link without an account, and the response rate follows', async ({ page, browser }) => {
  const stamp = Date.now();
  const spaceName = `Kartläggning Sorsele ${stamp}`;
  const sorseleEmail = `sorsele.${stamp}@example.org`;
  await signIn(page);
  await page.goto('/spaces/new');
  await page.getByRole('textbox', { name: /^Namn/ }).fill(spaceName);
  await page.getByLabel('Sök kommun').fill('Sorsele');
  await page.getByRole('checkbox', { name: /^Sorsele \(/ }).check();
  await page.getByRole('button', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name: spaceName })).toBeVisible();

  // Two organisations from the registry take part.
  await page.getByRole('link', { name: 'Nätverk och nyckeltal' }).click();
  const search = page.getByRole('searchbox', { name: /^Sök i registret/ });
  for (const name of ['Sorsele kommun', 'Coompanion']) {
    await search.fill(name);
    await page.getByTestId('registry-results').getByRole('button', { name: `Lägg till ${name}` }).click();
    await expect(page.getByText(`${name} är tillagd i ${spaceName}.`)).toBeVisible();
  }
  const graph = page.getByTestId('network-graph');
  await expect(graph).toHaveAttribute('data-node-count', '2');
  const edges = Number(await graph.getAttribute('data-edge-count'));

  // The survey goes to both.
  await page.getByRole('navigation', { name: `Delar av arenan ${spaceName}` }).getByRole('link', { name: 'Kartläggning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kartläggning – ${spaceName}` })).toBeVisible();
  const title = `Vem samverkar ni med? ${stamp}`;
  const form = page.getByTestId('survey-form');
  await form.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  await form.getByRole('textbox', { name: 'E-post till Sorsele kommun' }).fill(sorseleEmail);
  await form.getByRole('textbox', { name: 'E-post till Coompanion' }).fill(`coompanion.${stamp}@example.org`);
  await expect(page.getByText('2 mottagare valda.')).toBeVisible();
  await form.getByRole('button', { name: 'Skicka enkäten' }).click();
  await expect(page.getByText(`Enkäten ”${title}” är skickad till 2 organisationer.`)).toBeVisible();
  const card = page.getByTestId('survey').filter({ hasText: title });
  await expect(card.getByTestId('survey-rate')).toHaveText('0 av 2 har svarat (0 %).');
  await expectAccessible(page, 'the survey page');

  // The link from the outbox.
  await page.goto('/admin/outbox');
  const mail = page.getByTestId('outbox-message').filter({ hasText: sorseleEmail });
  await expect(mail).toHaveCount(1);
  await mail.getByText('Visa meddelandet').click();
  const text = await mail.getByTestId('outbox-text').innerText();
  const link = text.match(/https?:\/\/\S+\/survey#token=[\w-]+/)?.[0];
  expect(link, 'survey link in the mail').toBeTruthy();

  // The respondent answers on a phone, without an account.
  const guest = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const phone = await guest.newPage();
  await phone.goto(link!);
  await expect(phone.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(phone.getByTestId('answer-for')).toHaveText(`Du svarar för Sorsele kommun i ${spaceName}.`);
  await phone.getByRole('checkbox', { name: /^Coompanion/ }).check();
  await phone.getByLabel(/^Typ av samverkan med Coompanion/).selectOption({ label: 'Gemensamt projekt' });
  await phone.getByLabel(/^Hur ofta med Coompanion/).selectOption({ label: 'Löpande' });
  await expectNoHorizontalScroll(phone, 320);
  await expectAccessible(phone, 'the survey answer page');
  await phone.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(phone.getByTestId('answer-thanks')).toContainText('Tack för ditt svar!');
  await guest.close();

  // The rate follows; the one who has not answered is reminded.
  await page.goBack();
  await page.reload();
  await expect(card.getByTestId('survey-rate')).toHaveText('1 av 2 har svarat (50 %).');
  await card.getByText('Visa svar per organisation').click();
  await expect(card.getByTestId('survey-recipients').getByRole('row').filter({ hasText: 'Coompanion' })).toContainText('Inte svarat');
  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: `Påminn dem som inte svarat ${title}` }).click();
  await expect(page.getByText('En påminnelse är skickad till 1 organisation.')).toBeVisible();

  // The answer is in the network as a survey collaboration.
  await page.getByRole('navigation', { name: `Delar av arenan ${spaceName}` }).getByRole('link', { name: 'Nätverk', exact: true }).click();
  await expect(graph).toHaveAttribute('data-edge-count', String(edges + 1));
  await expect(page.getByTestId('network-collaborations').getByRole('row').filter({ hasText: 'Enkät' })).toContainText('Gemensamt projekt');
});

test('a broken survey link says so', async ({ page }) => {
  await page.goto('/survey#token=this-token-is-not-a-real-survey-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Kartläggning av samverkan' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Länken är ogiltig eller har gått ut.');
  await expectAccessible(page, 'the survey page with a bad link');
});

test('a CSV import previews every bad row and changes nothing until confirmed', async ({ page }) => {
  const stamp = Date.now();
  const good = `Importerade föreningen ${stamp}`;
  await signIn(page, LEADER);
  await openTalko(page);
  await page.getByRole('link', { name: 'Nätverk och nyckeltal' }).click();
  const graph = page.getByTestId('network-graph');
  await expect(graph).toHaveAttribute('data-state', /^(ready|fallback)$/);
  const nodes = Number(await graph.getAttribute('data-node-count'));

  const form = page.getByTestId('import-form');
  await form.getByRole('radio', { name: 'Organisationer' }).check();
  const csv = form.getByRole('textbox', { name: /^CSV-text/ });
  await csv.fill(`name,sector,type,level,municipality_code\n${good},civil_society,association,local,2422\nFelaktiga föreningen ${stamp},okänd,association,local,2422`);
  await form.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('status')).toHaveText('Nya: 1. Uppdaterade: 0. Rader med fel: 1.');
  await expect(preview.getByTestId('import-errors').getByRole('row').filter({ hasText: /^3/ })).toHaveCount(1);
  await expect(preview.getByRole('button', { name: /^Importera/ })).toHaveCount(0);
  await expectAccessible(page, 'the import preview');
  await expect(graph).toHaveAttribute('data-node-count', String(nodes));

  await csv.fill(`name,sector,type,level,municipality_code\n${good},civil_society,association,local,2422`);
  await form.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(preview.getByRole('status')).toHaveText('Nya: 1. Uppdaterade: 0. Rader med fel: 0.');
  await preview.getByRole('button', { name: 'Importera 1 rad' }).click();
  await expect(page.getByText('Importen är klar. Nya: 1. Uppdaterade: 0.')).toBeVisible();
  await expect(graph).toHaveAttribute('data-node-count', String(nodes + 1));
  await expect(page.getByTestId('network-organisations').getByRole('link', { name: good })).toBeVisible();
});
