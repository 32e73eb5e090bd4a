#!/usr/bin/env node
// GET /api/municipalities at 50 concurrent connections (autocannon), on PGlite and, when a
// PostgreSQL server answers at BENCH_DATABASE_URL, on PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..', '..');
const runs = Number(process.env.RUNS ?? 3);
const seconds = Number(process.env.SECONDS ?? 10);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function waitHealthy(port) {
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('not healthy');
}

async function measure(env, port) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'samhandling.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'false' },
    stdio: 'ignore',
  });
  try {
    await waitHealthy(port);
    await autocannon({ url: `http://127.0.0.1:${port}/api/municipalities`, connections: 50, duration: 2 }); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await autocannon({ url: `http://127.0.0.1:${port}/api/municipalities`, connections: 50, duration: seconds });
      results.push({ requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    }
    return results;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summarise = (results) => ({
  requestsPerSecond: Math.round(median(results.map((r) => r.requestsPerSecond))),
  p99Ms: median(results.map((r) => r.p99Ms)),
  p50Ms: median(results.map((r) => r.p50Ms)),
  errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
  runs: results,
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-bench-load-'));
const out = { connections: 50, secondsPerRun: seconds, pglite: summarise(await measure({ DATA_DIR: dataDir }, 3501)) };
rmSync(dataDir, { recursive: true, force: true });

const probe = spawnSync('pg_isready', ['-d', pgUrl]);
if (probe.status === 0) {
  const name = `samhandling_bench_${Date.now()}`;
  spawnSync('psql', [pgUrl, '-qc', `create database ${name}`]);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  out.postgres = summarise(await measure({ DATABASE_URL: url.href, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smh-bench-pg-')) }, 3502));
  spawnSync('psql', [pgUrl, '-qc', `drop database ${name} with (force)`]);
}
console.log(JSON.stringify(out, null, 2));
