import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';

/**
 * The app's own code keeps the Content Security Policy (no 'unsafe-eval'): no page reports a
 * violation, and the production build serves no source maps (issue 14 §1.10).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => window.__reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
}

test('no page reports a CSP violation, signed out or in', async ({ page }) => {
  const violations = await watchViolations(page);
  const heading = async (p: Page) => {
    await expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();
  };
  await visit(page, '/', heading);
  await visit(page, '/sign-in', heading);
  await visit(page, '/organisations', heading);
  await visit(page, '/service-programme', heading);
  const spaces = (await (await page.request.get('/api/spaces')).json()) as { id: string; name: string }[];
  const service = spaces.find((s) => s.name === 'Service i samverkan')!;
  const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
  await visit(page, `/spaces/${service.id}`, heading);
  await visit(page, `/spaces/${service.id}/services`, heading);
  await visit(page, `/spaces/${service.id}/inputs`, heading);
  await visit(page, `/spaces/${service.id}/inputs/new`, heading);
  await visit(page, `/spaces/${talko.id}/network`, heading);
  await visit(page, `/spaces/${talko.id}/events`, heading);
  await signIn(page);
  await visit(page, '/account', heading);
  await visit(page, `/spaces/${service.id}/analyses`, heading);
  await visit(page, '/admin/users', heading);
  // Give late work (maps, workers, lazy chunks) a moment to report.
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
});

test('the production build serves no source maps', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const body = await (await request.get(script)).text();
    expect(body, script).not.toContain('sourceMappingURL');
    expect((await request.get(`${script}.map`)).status(), `${script}.map`).toBe(404);
  }
});
