#!/usr/bin/env node
// Issue 13 §5: how fast the first screen comes on a phone at a village meeting. Chromium with the
// DevTools "Fast 3G" profile (562.5 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU slowdown,
// a cold cache each run: time from navigation to the page's h1 (usable) for /delta and a public
// event page, and the bytes transferred. The real server with the demo on PGlite.
// Run: node bench/web/phone-load.mjs   (RUNS=5 by default)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.RUNS ?? 5);
const port = Number(process.env.PORT ?? 3521);
const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-phone-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'true' };
delete env.DATABASE_URL;

spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-web-build.mjs')], { stdio: 'inherit' });
spawnSync(process.execPath, [path.join(root, 'bin', 'samhandling.js'), 'seed', '--demo', '--password', 'bench-Password-123'], { env, stdio: 'ignore' });
const server = spawn(process.execPath, [path.join(root, 'bin', 'samhandling.js'), 'serve'], { env, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 1200) throw new Error('server not healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
  const spaces = await (await fetch(`${base}/api/spaces`)).json();
  const talko = spaces.find((s) => s.name === 'TALKO Lappland');
  const events = await (await fetch(`${base}/api/spaces/${talko.id}/events`)).json();
  const eventId = (events.items ?? events)[0].id;
  const pages = { '/delta': '/delta', 'public event page': `/events/${eventId}` };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
  const results = {};
  for (const [label, url] of Object.entries(pages)) {
    const times = [];
    const bytes = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
      const started = performance.now();
      await page.goto(`${base}${url}`, { waitUntil: 'commit' });
      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      times.push(performance.now() - started);
      await page.waitForLoadState('networkidle').catch(() => {});
      bytes.push(transferred);
      await context.close();
    }
    results[label] = { medianMs: Math.round(median(times)), runsMs: times.map(Math.round), medianKb: Math.round(median(bytes) / 1024) };
    console.log(`${label}: h1 after ${results[label].medianMs} ms (median of ${RUNS}: ${results[label].runsMs.join(', ')}), ${results[label].medianKb} kB transferred`);
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
