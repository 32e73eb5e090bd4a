import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

/** The built web app is served, its source maps never (issue 14 §1.10), even when a build left one. */
let t: TestApp;
beforeAll(async () => {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'samhandling-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>Samhandling</title><script type="module" src="/assets/app-1.js"></script>',
  );
  writeFileSync(path.join(webRoot, 'assets', 'app-1.js'), 'console.log(1);\n');
  writeFileSync(path.join(webRoot, 'assets', 'app-1.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
  t = await createTestApp({ webRoot });
});
afterAll(() => t.close());

describe('static files', () => {
  it('serves the assets but not a source map', async () => {
    expect((await t.client().get('/assets/app-1.js')).status).toBe(200);
    const map = await t.client().get('/assets/app-1.js.map');
    expect(map.status).toBe(404);
    expect(String(map.body)).not.toContain('secret.ts');
  });
});
