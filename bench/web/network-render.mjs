#!/usr/bin/env node
// Time to first render of a space's network page (5,000 organisations, 20,000 collaborations) in
// Chromium: from navigation to the drawing's data-state="ready" (sigma drawn) and to the tables.
// Runs the real server on a fresh PostgreSQL database (BENCH_DATABASE_URL) filled directly.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..', '..');
const ORGANISATIONS = Number(process.env.ORGANISATIONS ?? 5000);
const COLLABORATIONS = Number(process.env.COLLABORATIONS ?? 20000);
const RUNS = Number(process.env.RUNS ?? 3);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `samhandling_render_${Date.now()}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const port = 3520;

let state = 7;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

spawnSync('psql', [adminUrl, '-qc', `create database ${name}`]);
const server = spawn(process.execPath, [path.join(root, 'bin', 'samhandling.js'), 'serve'], {
  env: { ...process.env, DATABASE_URL: url.href, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smh-render-')), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'false' },
  stdio: 'ignore',
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 1200) throw new Error('server not healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = new pg.Client({ connectionString: url.href });
  await db.connect();
  const { rows: [space] } = await db.query(`insert into spaces (name, kind, visibility) values ('Stor arena', 'regional', 'public') returning id`);
  const sectors = ['public', 'private', 'civil_society', 'academia'];
  const { rows: orgs } = await db.query(
    `insert into organisations (name, sector, type, level) select 'Organisation ' || g, ($1::text[])[1 + (g % 4)], 'other', 'local' from generate_series(1, $2) g returning id`,
    [sectors, ORGANISATIONS],
  );
  const ids = orgs.map((o) => o.id);
  await db.query(`insert into space_organisations (space_id, organisation_id) select $1, unnest($2::uuid[])`, [space.id, ids]);
  const pairs = new Set();
  while (pairs.size < COLLABORATIONS) {
    const a = Math.floor(random() * ids.length);
    const b = random() < 0.8 ? Math.floor(a / 50) * 50 + Math.floor(random() * 50) : Math.floor(random() * ids.length);
    if (a === b || b >= ids.length) continue;
    pairs.add(ids[a] < ids[b] ? `${ids[a]}|${ids[b]}` : `${ids[b]}|${ids[a]}`);
  }
  const list = [...pairs].map((p) => p.split('|'));
  await db.query(`insert into collaborations (org_a, org_b, type, source) select a, b, 'partnership', 'manual' from unnest($1::uuid[], $2::uuid[]) as t(a, b)`, [list.map((p) => p[0]), list.map((p) => p[1])]);
  await db.end();

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const start = Date.now();
    await page.goto(`http://127.0.0.1:${port}/spaces/${space.id}/network`);
    await page.locator('[data-state="ready"], [data-state="fallback"]').first().waitFor({ timeout: 180_000 });
    const drawnMs = Date.now() - start;
    const drawState = await page.locator('[data-state]').first().getAttribute('data-state');
    await page.getByRole('table').first().waitFor({ timeout: 60_000 });
    results.push({ drawnMs, drawState, tablesMs: Date.now() - start });
    await page.close();
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(JSON.stringify({ organisations: ORGANISATIONS, collaborations: COLLABORATIONS, runs: results, medianDrawnMs: median(results.map((r) => r.drawnMs)) }, null, 2));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  spawnSync('psql', [adminUrl, '-qc', `drop database if exists ${name} with (force)`]);
}
