import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, expectTargetSizes, signIn, openSpacePage } from './helpers.ts';

/** Issue 13 §4 and §6: the rough edges — phone header, scroll boxes, the analysis page, the network drawing, target sizes. */

const SERVICE = 'Service i samverkan';
const TALKO = 'TALKO Lappland';
const ANALYSIS = 'Nuläge 2026 – orterna, fågelvägen (demo)';

async function openSpace(page: Page, name: string) {
  await openSpacePage(page, name);
  return page.url();
}

async function openDemoAnalysis(page: Page) {
  await openSpace(page, SERVICE);
  await page.getByRole('link', { name: 'Tillgänglighetsanalys' }).click();
  await page.getByRole('link', { name: ANALYSIS }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Analys: ${ANALYSIS}` })).toBeVisible();
  await expect(page.getByTestId('chart-by-type').locator('svg').first()).toBeVisible();
  return page.url();
}

/** A scroll box that hides nothing: its content fits in both directions. */
async function expectNotClipped(box: Locator, what: string) {
  const size = await box.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
  expect(size.sh, `${what}: nothing hidden below`).toBeLessThanOrEqual(size.ch + 1);
  expect(size.sw, `${what}: nothing hidden to the side`).toBeLessThanOrEqual(size.cw + 1);
}

async function expectHeadingOnFirstScreen(page: Page, what: string) {
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await expect(h1).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await h1.boundingBox())!;
  expect(box.y + box.height, `the heading of ${what} is on the first screen`).toBeLessThanOrEqual(640);
}

test('on a phone the menus fold away, so each page’s heading is on the first screen', async ({ page }) => {
  await signIn(page);
  const space = await openSpace(page, TALKO);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path, what] of [
    ['/', 'the start page'],
    ['/organisations', 'the organisations'],
    [space, 'a space'],
    [`${space}/network`, 'a space’s network'],
    ['/admin/audit', 'the audit log'],
  ] as const) {
    await page.goto(path);
    await expectHeadingOnFirstScreen(page, what);
  }

  // The main menu: a button that says whether it is open, and the links behind it.
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Meny', exact: true });
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Organisationer' })).toBeHidden();
  await expect(nav.getByText('Inloggad som')).toBeVisible();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Organisationer' })).toBeVisible();
  await expectAccessible(page, 'the open main menu at 320 px');
  await expectNoHorizontalScroll(page, 320);
  await nav.getByRole('link', { name: 'Organisationer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Arenor' })).toBeHidden();

  // The space's sub-menu likewise (on the pages of its parts).
  await page.goto(`${space}/network`);
  const subnav = page.getByRole('navigation', { name: `Delar av arenan ${TALKO}` });
  const parts = subnav.getByRole('button', { name: 'Arenans delar' });
  await expect(parts).toHaveAttribute('aria-expanded', 'false');
  await expect(subnav.getByRole('link', { name: 'Nätverk', exact: true })).toBeHidden();
  await parts.click();
  await expect(parts).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'a space with its sub-menu open at 320 px');
  await subnav.getByRole('link', { name: 'Träffar', exact: true }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Träffar');
  await expect(subnav.getByRole('button', { name: 'Arenans delar' })).toHaveAttribute('aria-expanded', 'false');
  await expect(subnav.getByRole('link', { name: 'Nätverk', exact: true })).toBeHidden();
  await expectHeadingOnFirstScreen(page, 'a space’s events');

  // On a wide screen there is nothing to fold: no buttons, the links in view.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('button', { name: 'Meny', exact: true })).toBeHidden();
  await expect(subnav.getByRole('button', { name: 'Arenans delar' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Organisationer' })).toBeVisible();
  await expect(subnav.getByRole('link', { name: 'Träffar', exact: true })).toBeVisible();
});

test('at 1280 px tables show all their rows and columns, not a fixed-height window onto them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  // The start page: all municipalities with spaces.
  await page.goto('/');
  const municipalities = page.getByTestId('municipality-list');
  await expect(municipalities.locator('caption')).toContainText('32 kommuner');
  await expect(municipalities.locator('tbody tr')).toHaveCount(32);
  await expectNotClipped(municipalities.locator('xpath=..'), 'the municipality list');

  // The regional service programme: the county's 15 municipalities, every column.
  await page.goto('/service-programme?county=24');
  const programme = page.getByTestId('programme-table');
  await expect(programme.locator('tbody tr')).toHaveCount(15);
  await expect(programme.getByRole('columnheader')).toHaveCount(7);
  await expectNotClipped(programme.locator('xpath=..'), 'the service programme');
  await expectAccessible(page, 'the service programme at 1280 px');

  // The analysis: no table is cut off (the scenario panel's tables included).
  await openDemoAnalysis(page);
  const wraps = page.locator('main .table-wrap');
  expect(await wraps.count()).toBeGreaterThan(3);
  for (const wrap of await wraps.all()) {
    const size = await wrap.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight }));
    expect(size.sh, 'a table on the analysis page with rows hidden below').toBeLessThanOrEqual(size.ch + 1);
  }
});

test('the analysis says once that it uses straight lines, and its chart legends are readable', async ({ page }) => {
  await signIn(page);
  await openDemoAnalysis(page);
  await expect(page.getByTestId('straight-line-notice')).toHaveCount(1);
  await expect(page.getByTestId('straight-line-notice')).toContainText('Alla siffror, kartor och diagram på sidan');
  // The notice comes before the first figure.
  const notice = (await page.getByTestId('straight-line-notice').boundingBox())!;
  const chart = (await page.getByTestId('chart-by-type').boundingBox())!;
  expect(notice.y).toBeLessThan(chart.y);

  // The charts' colour legends (Observable Plot's swatches) and the map legend: at least 12 px.
  const legends = page.locator('.analysis-chart [class*="-swatches"], .analysis-legend');
  expect(await legends.count()).toBeGreaterThanOrEqual(3);
  for (const legend of await legends.all()) {
    const px = await legend.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(12);
  }
  await expect(page.locator('.analysis-chart [class*="-swatches"]').first()).toContainText('Under 5 min');
  await expectAccessible(page, 'the analysis with one notice');
});

test('on a phone the network offers its list, and the drawing stays inside the screen', async ({ page }) => {
  await signIn(page);
  const space = await openSpace(page, TALKO);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${space}/network`);
  const graph = page.getByTestId('network-graph');
  await expect(graph).toHaveAttribute('data-state', /ready|fallback/);
  const box = (await graph.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  const list = page.getByTestId('network-list-link');
  await expect(list).toHaveText('Visa nätverket som lista (tabeller)');
  await list.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Organisationer och samverkan i tabellform' })).toBeInViewport();
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'the network at 320 px');
});

test('every visible control on the main pages is at least 24 × 24 px or spaced (WCAG 2.5.8), at 1280 and 320 px', async ({ page }) => {
  await signIn(page);
  const talko = await openSpace(page, TALKO);
  const analysis = await openDemoAnalysis(page);
  const service = analysis.replace(/\/analyses\/.*/, '');
  const pages: [string, string][] = [
    ['/', 'the start page'],
    ['/organisations', 'the organisations'],
    ['/models', 'the models'],
    ['/news', 'the news'],
    ['/initiatives', 'alliances and initiatives'],
    ['/accessibility', 'the accessibility statement'],
    [talko, 'a space'],
    [`${talko}/network`, 'a space’s network'],
    [`${talko}/events`, 'a space’s events'],
    [`${service}/services`, 'a space’s service points'],
    [analysis, 'an analysis'],
    ['/service-programme?county=24', 'the service programme'],
    ['/admin/audit', 'the audit log'],
    ['/account', 'the account'],
  ];
  // Focus never ends up under the page's edge (WCAG 2.4.11): the page scrolls focus clear of it.
  await page.goto('/');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop))).toBeGreaterThanOrEqual(24);
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
    for (const [path, what] of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Laddar' })).toHaveCount(0);
      await expectTargetSizes(page, `${what} at ${width} px`);
    }
  }
});

test('a table that does not fit is a named region the keyboard scrolls; a table that fits is no extra tab stop', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const box = table.locator('xpath=..');
  // Every table box on the page is a region (named, focusable) exactly when its content overflows.
  const expectRegionsMatchOverflow = async (width: number) => {
    const boxes = await page.locator('.table-wrap').evaluateAll((all) =>
      all.map((el) => ({
        overflows: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
        region: el.getAttribute('role') === 'region' && el.getAttribute('tabindex') === '0' && !!el.getAttribute('aria-label'),
      })),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const [i, b] of boxes.entries()) expect(b.region, `table box ${i} at ${width} px`).toBe(b.overflows);
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(box).not.toHaveAttribute('role', 'region');
  await expectRegionsMatchOverflow(1280);

  await page.setViewportSize({ width: 320, height: 640 });
  await expect(box).toHaveAttribute('role', 'region');
  await expect(box).toHaveAttribute('aria-label', /.+/);
  await expectRegionsMatchOverflow(320);
  // Focusable, and scrolled sideways with the arrow keys.
  await box.focus();
  await expect(box).toBeFocused();
  expect(await box.evaluate((el) => el.scrollLeft)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

  // Back on a wide screen the table fits again and the extra tab stop goes.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(box).not.toHaveAttribute('role', 'region');
  await expect(box).not.toHaveAttribute('tabindex', '0');
});
