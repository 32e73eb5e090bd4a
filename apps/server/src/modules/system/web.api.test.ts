import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'smh-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html lang="sv"><title>Samhandling</title><script type="module" src="/assets/app-abc123.js"></script></html>');
  writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log("app")');
  t = await createTestApp({ webRoot });
});
afterAll(() => t.close());

describe('serving the web app', () => {
  it('answers client-side routes with the app, so deep links work', async () => {
    const answer = await t.client().get('/spaces/123');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Samhandling</title>');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets to be cached for good, and a missing one as 404, never as the app', async () => {
    const asset = await t.client().get('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.client().get('/assets/app-old999.js');
    expect(missing.status).toBe(404);
    expect(String(missing.body)).not.toContain('<title>');
  });
});
