import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

const LEADER = 'processledare@example.org';

test('anyone reads the news on a phone, follows a space by e-mail, and unsubscribes from the mail without signing in', async ({ page, browser }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/news');
  await expect(page.getByRole('heading', { level: 1, name: 'Aktuellt från alla arenor' })).toBeVisible();
  await expect(page.getByTestId('post-card').first()).toBeVisible();
  await expect(page.getByText('Internt: underlag till styrgruppen')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the combined news on a phone');

  await page.getByTestId('post-card').filter({ hasText: 'Uppstartsmöten i alla åtta kommuner' }).getByRole('link', { name: 'TALKO Lappland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktuellt i TALKO Lappland' })).toBeVisible();
  // Pinned first.
  await expect(page.getByTestId('post-card').first()).toContainText('Fäst');
  await expect(page.getByRole('link', { name: 'Atom-flöde' })).toHaveAttribute('href', /\/feed\.atom$/);
  const form = page.getByTestId('follow-email-form');
  await form.getByRole('button', { name: 'Följ med e-post' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await form.getByRole('textbox', { name: /^Din e-postadress/ }).fill('ny.bybo@example.org');
  await form.getByRole('button', { name: 'Följ med e-post' }).click();
  await expect(page.getByText('Tack! Öppna länken i mejlet vi skickat för att bekräfta.')).toBeVisible();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'a space’s news on a phone, after following by e-mail');

  // The confirmation mail's links, read from the outbox by an admin.
  const admin = await browser.newPage();
  await signIn(admin);
  const mails = (await (await admin.request.get('/api/admin/outbox?to=ny.bybo@example.org')).json()) as { text: string }[];
  await admin.close();
  const confirm = /(\/follow\/confirm#token=[\w.-]+)/.exec(mails[0]!.text)![1]!;
  const unsubscribe = /(\/unsubscribe#token=[\w.-]+)/.exec(mails[0]!.text)![1]!;
  await page.goto(confirm);
  await expect(page.getByText('Tack! Nu får du nyheter från TALKO Lappland med e-post.')).toBeVisible();
  await expectAccessible(page, 'the follow confirmation on a phone');
  await page.goto(unsubscribe);
  await expect(page.getByRole('heading', { level: 1, name: 'Avsluta prenumeration' })).toBeVisible();
  await expectAccessible(page, 'the unsubscribe page on a phone');
  await page.getByRole('button', { name: 'Avsluta prenumeration' }).click();
  await expect(page.getByText('Klart. Du får inte längre e-post om det du följde.')).toBeVisible();
});

test('a leader writes a post, e-mails it to the followers, and chooses how to be notified', async ({ page }) => {
  const title = `Testtillfälle i Sorsele ${Date.now()}`;
  await signIn(page, LEADER);
  await page.goto('/');
  await page.getByTestId('space-card').getByRole('link', { name: 'TALKO Lappland' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Aktuellt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktuellt i TALKO Lappland' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Du följer TALKO Lappland – sluta följa' })).toBeVisible();
  await page.getByRole('link', { name: 'Skriv en nyhet' }).click();
  const form = page.getByTestId('post-form');
  await form.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectAccessible(page, 'the post editor with errors');
  await form.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  await form.getByRole('textbox', { name: /^Text/ }).fill('Vi prövar verktyget i Sorsele.\n\n- Ta med telefonen\n- Fika finns\n\n<script>alert(1)</script> https://example.org/talko');
  await form.getByRole('checkbox', { name: 'Fäst överst' }).check();
  await form.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const post = page.getByTestId('post');
  await expect(post.getByRole('listitem')).toHaveCount(2);
  await expect(post.getByText('<script>alert(1)</script>')).toBeVisible();
  await expect(post.getByRole('link', { name: 'https://example.org/talko' })).toBeVisible();
  await page.getByRole('button', { name: 'Skicka till arenans följare' }).click();
  await expect(page.getByText(/^Skickad: \d+ e-postmeddelanden nu/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka till arenans följare' })).toHaveCount(0);
  const images = page.getByTestId('image-form');
  await images.getByLabel('Bildfil').setInputFiles({
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  });
  await images.getByRole('button', { name: 'Lägg till bilden' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await images.getByRole('textbox', { name: /^Alternativ text/ }).fill('Deltagare vid testtillfället i Sorsele');
  await images.getByRole('button', { name: 'Lägg till bilden' }).click();
  await expect(post.getByRole('img', { name: 'Deltagare vid testtillfället i Sorsele' })).toBeVisible();
  await expectAccessible(page, 'a post page for its leader');

  await page.goto('/account');
  await page.getByRole('link', { name: 'Mina aviseringar och det jag följer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina aviseringar' })).toBeVisible();
  const settings = page.getByTestId('notification-settings');
  await settings.getByRole('group', { name: /Nya inspel i arenor du leder/ }).getByRole('radio', { name: 'Veckosammanfattning' }).check();
  await settings.getByRole('button', { name: 'Spara val' }).click();
  await expect(page.getByText('Dina val är sparade.')).toBeVisible();
  await expect(page.getByTestId('follow-list')).toContainText('TALKO Lappland');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'my notification settings on a phone');
  await page.reload();
  await expect(settings.getByRole('group', { name: /Nya inspel i arenor du leder/ }).getByRole('radio', { name: 'Veckosammanfattning' })).toBeChecked();
});
