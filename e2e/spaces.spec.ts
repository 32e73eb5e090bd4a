import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './helpers.ts';

async function chooseMunicipality(page: Page, name: string) {
  await page.getByLabel('Sök kommun').fill(name);
  await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
}

test('create a space with three municipalities and see them on the map', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa arena' })).toBeVisible();
  await expectAccessible(page, 'the create space page');

  // Submitting empty shows the API's messages and changes nothing.
  await page.getByRole('button', { name: 'Skapa arena' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Namn/ })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the create space page with errors');

  const name = `Servicesamverkan Västerbotten ${Date.now()}`;
  await page.getByRole('textbox', { name: /^Namn/ }).fill(name);
  await page.getByRole('textbox', { name: /^Beskrivning/ }).fill('Tre kommuner planerar service tillsammans.');
  await page.getByRole('radio', { name: 'Kommunalt arbete' }).check();
  await chooseMunicipality(page, 'Sorsele');
  await chooseMunicipality(page, 'Storuman');
  await chooseMunicipality(page, 'Lycksele');
  await expect(page.getByTestId('picker-count')).toHaveText('3 kommuner valda');
  await page.getByRole('button', { name: 'Skapa arena' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/spaces\/[0-9a-f-]{36}/);
  await expect(page.getByText('Arenan är skapad.')).toBeVisible();
  await expect(page.getByText('Din roll: Administratör')).toBeVisible();

  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-municipality-codes', '2421,2422,2481');
  await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/);
  const list = page.getByTestId('municipality-list');
  await expect(list.getByRole('rowheader')).toHaveText(['Lycksele', 'Sorsele', 'Storuman']);
  await expect(list.getByRole('caption')).toHaveText('3 kommuner i arenan');
  await expectAccessible(page, 'the space page');

  // It is on the start page too.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arenor' }).click();
  await expect(page.getByTestId('space-card').getByRole('link', { name })).toBeVisible();
});

test('invite a member and accept through the link from the outbox', async ({ page, browser }) => {
  await signIn(page);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TALKO Lappland' })).toBeVisible();

  const email = `ny.deltagare.${Date.now()}@example.org`;
  const invite = page.getByTestId('invite-form');
  await invite.getByLabel('E-postadress').fill(email);
  await invite.getByLabel('Roll').selectOption({ label: 'Observatör' });
  await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await expect(page.getByText(`Inbjudan är skickad till ${email}.`)).toBeVisible();
  const pending = page.getByTestId('invitations-table').getByRole('row').filter({ hasText: email });
  await expect(pending).toContainText('Väntar på svar');

  // The admin reads the invitation in the outbox and takes the link from its text.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Utkorg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utkorg' })).toBeVisible();
  const mail = page.getByTestId('outbox-message').filter({ hasText: email });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByRole('heading')).toHaveText('Inbjudan till TALKO Lappland i Samhandling');
  await expect(mail.getByTestId('outbox-recipients')).toHaveText(email);
  await mail.getByText('Visa meddelandet').click();
  const text = await mail.getByTestId('outbox-text').innerText();
  const link = text.match(/https?:\/\/\S+\/invitation#token=[\w-]+/)?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();

  // The invited person opens the link in their own browser, without an account.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link!);
  await expect(guestPage.getByRole('heading', { level: 1, name: 'Inbjudan' })).toBeVisible();
  await expect(guestPage.getByTestId('invitation-summary')).toHaveText('Du är inbjuden till arenan TALKO Lappland som Observatör.');
  await expect(guestPage.getByText(email)).toBeVisible();
  await expectAccessible(guestPage, 'the invitation page');

  await guestPage.getByRole('button', { name: 'Tacka ja och gå med' }).click();
  await expect(guestPage.getByTestId('error-summary')).toContainText('Fältet måste fyllas i.');
  await guestPage.getByRole('textbox', { name: /^Namn/ }).fill('Nora Nykomling');
  await guestPage.getByRole('button', { name: 'Tacka ja och gå med' }).click();

  await expect(guestPage.getByRole('heading', { level: 1, name: 'TALKO Lappland' })).toBeVisible();
  await expect(guestPage.getByText('Välkommen! Du är nu med i arenan som Observatör.')).toBeVisible();
  await expect(guestPage.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toContainText('Nora Nykomling');
  await expect(guestPage.getByTestId('members-table').getByRole('rowheader', { name: 'Nora Nykomling (du)' })).toBeVisible();
  await guest.close();

  // The space's administrator sees the new member and the accepted invitation.
  await page.goBack();
  await page.goBack();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'TALKO Lappland' })).toBeVisible();
  await expect(page.getByTestId('members-table').getByRole('rowheader', { name: 'Nora Nykomling' })).toBeVisible();
  await expect(page.getByTestId('invitations-table').getByRole('row').filter({ hasText: email })).toContainText('Accepterad');

  // An invitation that is no longer wanted can be withdrawn.
  const other = `angrad.${Date.now()}@example.org`;
  await invite.getByLabel('E-postadress').fill(other);
  await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
  const row = page.getByTestId('invitations-table').getByRole('row').filter({ hasText: other });
  await expect(row).toContainText('Väntar på svar');
  await row.getByRole('button', { name: `Återkalla ${other}` }).click();
  await expect(page.getByText(`Inbjudan till ${other} är återkallad.`)).toBeVisible();
  await expect(row).toContainText('Återkallad');
  await expect(row.getByRole('button')).toHaveCount(0);
});

test('a used or broken invitation link says so', async ({ page }) => {
  await page.goto('/invitation#token=this-token-is-not-a-real-invitation-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbjudan' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Länken är ogiltig eller har gått ut.');
  await expectAccessible(page, 'the invitation page with a bad link');
});

test('a space administrator edits, archives and restores a space, and changes a member’s role', async ({ page }) => {
  await signIn(page);
  await page.goto('/spaces/new');
  const name = `Byaforum Arjeplog ${Date.now()}`;
  await page.getByRole('textbox', { name: /^Namn/ }).fill(name);
  await page.getByRole('radio', { name: /^Endast medlemmar/ }).check();
  await chooseMunicipality(page, 'Arjeplog');
  await page.getByRole('button', { name: 'Skapa arena' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Endast medlemmar').first()).toBeVisible();

  await page.getByRole('button', { name: 'Ändra arenan' }).click();
  const form = page.getByTestId('space-form');
  await form.getByRole('textbox', { name: /^Namn/ }).fill(`${name} och Slagnäs`);
  await form.getByLabel('Sök kommun').fill('Arvidsjaur');
  await form.getByRole('checkbox', { name: /^Arvidsjaur \(/ }).check();
  await expectAccessible(page, 'the space page while editing');
  await form.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} och Slagnäs` })).toBeVisible();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  await expect(page.getByTestId('municipality-list').getByRole('rowheader')).toHaveText(['Arjeplog', 'Arvidsjaur']);
  await expect(page.getByTestId('map')).toHaveAttribute('data-municipality-codes', '2505,2506');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Arkivera' }).click();
  await expect(page.getByText('Arenan är arkiverad. Den kan läsas men inte ändras.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra arenan' })).toHaveCount(0);
  await expect(page.getByTestId('invite-form')).toHaveCount(0);
  await page.getByRole('button', { name: 'Återställ' }).click();
  await expect(page.getByText('Arenan är återställd.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra arenan' })).toBeVisible();

  // Roles: in a demo space, the platform admin makes a member an observer and back again.
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  const roleSelect = page.getByRole('combobox', { name: 'Roll för Demo Byalagsmedlem (fiktiv)' });
  await expect(roleSelect).toHaveValue('member');
  await roleSelect.selectOption({ label: 'Observatör' });
  await page.getByRole('button', { name: 'Byt roll Demo Byalagsmedlem (fiktiv)' }).click();
  await expect(page.getByText('Demo Byalagsmedlem (fiktiv) har nu rollen Observatör.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Roll för Demo Byalagsmedlem (fiktiv)' })).toHaveValue('observer');
  await page.getByRole('combobox', { name: 'Roll för Demo Byalagsmedlem (fiktiv)' }).selectOption({ label: 'Medlem' });
  await page.getByRole('button', { name: 'Byt roll Demo Byalagsmedlem (fiktiv)' }).click();
  await expect(page.getByText('Demo Byalagsmedlem (fiktiv) har nu rollen Medlem.')).toBeVisible();
});

test('a member sees the members but no controls to manage them', async ({ page }) => {
  await signIn(page, 'byalag@example.org');
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TALKO Lappland' })).toBeVisible();
  await expect(page.getByTestId('members-table').getByRole('rowheader', { name: 'Demo Byalagsmedlem (fiktiv) (du)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra arenan' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Arkivera' })).toHaveCount(0);
  await expect(page.getByTestId('invite-form')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Roll för/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lämna arenan' })).toBeVisible();
  await expectAccessible(page, 'the space page as a member');
});
