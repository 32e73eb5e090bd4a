import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Cookie, type Page } from '@playwright/test';

export const PASSWORD = 'e2e-Password-123';
export const ADMIN = 'admin@example.org';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core with the WCAG 2.0/2.1/2.2 A/AA rules and expects no violations, listing any it finds.
 * Axe is injected once per document and runs in the page; only the violations come back, as
 * text. @axe-core/playwright's AxeBuilder did the same in twice the time: it injects axe again on
 * every call and copies every passed and inapplicable node across to the test (233 calls per run).
 * The app has no iframes, so one frame is the whole page. (`resultTypes: ['violations']` is not
 * used: it makes landmark-unique and heading-order report false violations.)
 */
export async function expectAccessible(page: Page, what: string) {
  // Let the page finish reacting to what the test just did (a resize reaches the ResizeObservers,
  // e.g. ScrollRegion making a table that now overflows focusable, one frame later; React commits after).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const summary = await page.evaluate(async (tags) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const options = { runOnly: { type: 'tag', values: tags }, iframes: false };
    // Without a CSS selector for every node it looked at (a fifth of its time on the network page);
    // only when something is found does it run again, with them, to say where.
    let results = await axe.run(document, { ...options, selectors: false });
    if (results.violations.length > 0) results = await axe.run(document, options);
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  }, WCAG_TAGS);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** The signed-in session cookies per account, kept by this worker process (each worker has its own server). */
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in; the test navigates next (where the page is afterwards is not promised). The first time in
 * a worker this goes through the sign-in form; later the same account's session is reused (its
 * cookies) without loading a page, unless the server no longer knows it (signed out, password
 * changed, account locked or deleted), when it signs in through the form again. Loading the start
 * page here would draw its map once more per test only for the test to leave it. Tests of signing
 * in itself use `signInWithForm`.
 */
export async function signIn(page: Page, email: string = ADMIN, password: string = PASSWORD) {
  const key = `${email}\n${password}`;
  const cookies = sessions.get(key);
  if (cookies) {
    await page.context().addCookies(cookies);
    const me = (await (await page.request.get('/api/me')).json()) as { user: { email: string } | null };
    if (me.user?.email === email) return;
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

/**
 * WCAG 2.2 SC 2.5.8 Target Size (Minimum): every visible interactive element is at least 24 × 24 CSS
 * px, or keeps the spacing exception (a 24 px circle on its centre touches no other target and no
 * other small target's circle), or is a link inside a sentence (the inline exception). Lists the
 * failures with their size, so a failing run says what to fix.
 */
export async function expectTargetSizes(page: Page, what: string) {
  const failures = await page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [tabindex]:not([tabindex="-1"])';
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      if (!el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) return false;
      // Off-screen until focused (the skip link) or clipped to nothing (visually hidden).
      if (r.right < 0 || r.bottom < -window.scrollY) return false;
      const style = getComputedStyle(el);
      return !(style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)');
    };
    // Drawings the page draws itself (a map's or a graph's canvas) are one target each, not checked here.
    const targets = Array.from(document.querySelectorAll(selector)).filter((el) => visible(el) && !el.closest('.maplibregl-canvas-container'));
    const inSentence = (el: Element) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const block = el.parentElement;
      if (!block) return false;
      const own = (el.textContent ?? '').trim().length;
      const around = (block.textContent ?? '').trim().length;
      return around > own + 1;
    };
    const rects = targets.map((el) => el.getBoundingClientRect());
    const small = rects.map((r) => r.width < 23.5 || r.height < 23.5);
    const out: string[] = [];
    targets.forEach((el, i) => {
      if (!small[i] || inSentence(el)) return;
      const r = rects[i]!;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const clash = rects.some((o, j) => {
        if (j === i || targets[j]!.contains(el) || el.contains(targets[j]!)) return false;
        if (small[j]) return Math.hypot(o.left + o.width / 2 - cx, o.top + o.height / 2 - cy) < 24;
        // Distance from the centre to the other target's rectangle.
        const dx = Math.max(o.left - cx, 0, cx - o.right);
        const dy = Math.max(o.top - cy, 0, cy - o.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      if (clash) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    });
    return out;
  });
  expect(failures, `targets under 24 × 24 px without spacing on ${what}`).toEqual([]);
}

/**
 * Opens a space's page by the space's name, at its address. Finding a space on the start page is
 * tested where that is the point (public.spec, spaces.spec); the tests that only need to be in a space
 * go straight there instead of drawing the start page's map first.
 */
export async function openSpacePage(page: Page, name: string) {
  const spaces = (await (await page.request.get('/api/spaces?archived=false')).json()) as { id: string; name: string }[];
  const space = spaces.find((s) => s.name === name);
  expect(space, `a space named ${name}`).toBeDefined();
  await page.goto(`/spaces/${space!.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
