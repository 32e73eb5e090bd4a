#!/usr/bin/env node
// Time from `npm start` to a healthy GET /api/health: on a fresh data directory (migrations,
// reference geography and demo included) and on a second start of the same directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const runs = Number(process.env.RUNS ?? 5);

async function healthy(port, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

async function startOnce(dataDir, port) {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  const ok = await healthy(port, Date.now() + 120_000);
  const ms = performance.now() - started;
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
  if (!ok) throw new Error('server did not become healthy');
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fresh = [];
const second = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'smh-bench-start-'));
  fresh.push(await startOnce(dir, 3300 + i));
  second.push(await startOnce(dir, 3400 + i));
  rmSync(dir, { recursive: true, force: true });
}
const result = {
  runs,
  freshMs: { median: Math.round(median(fresh)), all: fresh.map(Math.round) },
  secondMs: { median: Math.round(median(second)), all: second.map(Math.round) },
};
console.log(JSON.stringify(result, null, 2));
