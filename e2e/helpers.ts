import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Cookie, type Page } from '@playwright/test';

export const PASSWORD = 'e2e-Password-123';
export const ADMIN = 'admin@example.org';

/**
 * Runs axe with the WCAG 2.0/2.1/2.2 A/AA rules and expects no violations, listing any it finds.
 * Axe runs in the page itself (`axe.run`, "legacy mode"): the default runs each frame partially and
 * finishes in a new blank page, injecting axe twice and copying every node's result across, which
 * is 2–3 times slower; the app has no iframes for the partial run to reach. (`resultTypes:
 * ['violations']` is not used: it reports false landmark-unique and heading-order violations.)
 */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode()
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** The signed-in session cookies per account, kept by this worker process (each worker has its own server). */
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in and leaves the page on the start page, signed in. The first time in a worker this goes
 * through the sign-in form; later the same account's session is reused (its cookies), unless the
 * server no longer knows it (signed out, password changed, account locked or deleted), when it signs
 * in through the form again. Tests of signing in itself use `signInWithForm`.
 */
export async function signIn(page: Page, email: string = ADMIN, password: string = PASSWORD) {
  const key = `${email}\n${password}`;
  const cookies = sessions.get(key);
  if (cookies) {
    await page.context().addCookies(cookies);
    const me = (await (await page.request.get('/api/me')).json()) as { user: { email: string } | null };
    if (me.user?.email === email) {
      await page.goto('/');
      await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
      return;
    }
    sessions.delete(key);
  }
  await signInWithForm(page, email, password);
  sessions.set(key, await page.context().cookies());
}

/** Signs in through the sign-in form, always (and a new session on the server). */
export async function signInWithForm(page: Page, email: string = ADMIN, password: string = PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Inloggad som')).toBeVisible();
}

/** No sideways scrolling: the page fits the viewport's width. */
export async function expectNoHorizontalScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
