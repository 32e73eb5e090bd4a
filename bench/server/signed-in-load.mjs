#!/usr/bin/env node
// Requests signed in and signed out at 50 concurrent connections (autocannon), on PGlite and, when a
// PostgreSQL server answers at BENCH_DATABASE_URL, on PostgreSQL. A real `samhandling serve` process
// with the demo content; the signed-in requests carry a demo user's session cookie.
//   GET /api/municipalities          signed out and signed in
//   GET /api/spaces/{id}             signed in (a space the user is a member of)
//   GET /api/spaces/{id}/events      signed out (the public space with the most events)
// RUNS (default 3) runs of SECONDS (default 20) each per request after a 2 s warm-up; medians.
// ONLY=pglite or ONLY=postgres runs one database.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..', '..');
const runs = Number(process.env.RUNS ?? 3);
const seconds = Number(process.env.SECONDS ?? 20);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.env.ONLY;

function start(env, port) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'samhandling.js'), 'serve'], {
    cwd: root,
    // Production settings: answers are not checked against their schemas there (VALIDATE_RESPONSES).
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/running at http/.test(output) && /\n\n/.test(output.slice(output.indexOf('running at')))) resolve(output);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { child, ready };
}

async function signIn(base, output) {
  // The demo prints its accounts once: "  email   password   (platform admin)".
  const accounts = [...output.matchAll(/^ {2}(\S+@\S+)\s+(\S+)(\s+\(platform admin\))?$/gm)].map((m) => ({ email: m[1], password: m[2], admin: !!m[3] }));
  const account = accounts.find((a) => !a.admin) ?? accounts[0];
  if (!account) throw new Error(`no demo account in:\n${output}`);
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie').split(';')[0];
}

async function pickSpaces(base, cookie) {
  const mine = await (await fetch(`${base}/api/spaces?mine=true`, { headers: { cookie } })).json();
  const all = await (await fetch(`${base}/api/spaces`)).json();
  let busiest = { id: all[0].id, events: -1 };
  for (const space of all) {
    const events = await (await fetch(`${base}/api/spaces/${space.id}/events?when=all`)).json();
    if (events.length > busiest.events) busiest = { id: space.id, events: events.length };
  }
  return { memberSpace: mine[0].id, eventSpace: busiest.id, events: busiest.events };
}

async function load(url, headers) {
  const r = await autocannon({ url, connections: 50, duration: seconds, headers });
  return { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, errors: r.errors, non2xx: r.non2xx };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summarise = (results) => ({
  requestsPerSecond: Math.round(median(results.map((r) => r.requestsPerSecond))),
  p50Ms: median(results.map((r) => r.p50Ms)),
  p99Ms: median(results.map((r) => r.p99Ms)),
  errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
  p99Runs: results.map((r) => r.p99Ms),
});

async function measure(env, port) {
  const { child, ready } = start(env, port);
  try {
    const output = await ready;
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, output);
    const { memberSpace, eventSpace, events } = await pickSpaces(base, cookie);
    const cases = [
      ['GET /api/municipalities, signed out', `${base}/api/municipalities`, {}],
      ['GET /api/municipalities, signed in', `${base}/api/municipalities`, { cookie }],
      ['GET /api/spaces/{id}, signed in', `${base}/api/spaces/${memberSpace}`, { cookie }],
      [`GET /api/spaces/{id}/events, signed out (${events} events)`, `${base}/api/spaces/${eventSpace}/events`, {}],
    ];
    const out = {};
    for (const [name, url, headers] of cases) {
      await autocannon({ url, connections: 50, duration: 2, headers }); // warm-up
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await load(url, headers));
      out[name] = summarise(results);
      console.error(`${name}: ${JSON.stringify(out[name])} (load ${loadavg()[0].toFixed(1)})`);
    }
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
  }
}

const out = { connections: 50, secondsPerRun: seconds, runs, loadAverageAtStart: loadavg()[0] };
if (only !== 'postgres') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-bench-signed-in-'));
  try {
    out.pglite = await measure({ DATA_DIR: dataDir }, Number(process.env.BENCH_PORT ?? 3511));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (only !== 'pglite' && spawnSync('pg_isready', ['-d', pgUrl]).status === 0) {
  const name = `samhandling_bench_${Date.now()}`;
  spawnSync('psql', [pgUrl, '-qc', `create database ${name}`]);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-bench-signed-in-pg-'));
  try {
    out.postgres = await measure({ DATABASE_URL: url.href, DATA_DIR: dataDir }, Number(process.env.BENCH_PORT ?? 3511) + 1);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    spawnSync('psql', [pgUrl, '-qc', `drop database ${name} with (force)`]);
  }
}
out.loadAverageAtEnd = loadavg()[0];
console.log(JSON.stringify(out, null, 2));
