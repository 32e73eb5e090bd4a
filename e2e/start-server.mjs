// Starts the real app for the browser tests: a fresh PGlite directory, the demo content with a
// known password (seeded before the server starts, since PGlite has a single writer), then serve.
// With several servers (one per worker) the demo is seeded once per run: the first server seeds it
// into E2E_SEED_DIR and every server starts on its own copy of that directory (Playwright starts
// the servers one after another, so the seed is there when the second one starts).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'test-results', `e2e-data-${process.env.PORT ?? '3100'}`);
const password = process.env.E2E_PASSWORD ?? 'e2e-Password-123';
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DEMO: 'true',
  PORT: process.env.PORT ?? '3100',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // The browser tests stand in for a load balancer on this machine: X-Forwarded-For from loopback is
  // believed, so a test can be many client addresses (the sign-in lock needs several).
  TRUST_PROXY: '127.0.0.1,::1',
  // Joining (issue 13 §2): the browser tests register an account themselves.
  SIGNUP: process.env.SIGNUP ?? 'open',
};
delete env.DATABASE_URL;
const bin = path.join(root, 'bin', 'samhandling.js');

function seedInto(dir) {
  const seed = spawnSync(process.execPath, [bin, 'seed', '--demo', '--password', password], {
    cwd: root,
    env: { ...env, DATA_DIR: dir },
    stdio: 'inherit',
  });
  if (seed.status !== 0) {
    console.error('e2e: seeding the demo failed');
    process.exit(seed.status ?? 1);
  }
}

const seedDir = process.env.E2E_SEED_DIR && path.resolve(root, process.env.E2E_SEED_DIR);
const run = process.env.E2E_RUN;
if (seedDir && run) {
  // Which run and password the seed directory holds; an older run's is seeded again.
  const marker = path.join(seedDir, '.e2e-seed');
  const wanted = JSON.stringify({ run, password });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    rmSync(seedDir, { recursive: true, force: true });
    seedInto(seedDir);
    writeFileSync(marker, wanted);
  }
  cpSync(seedDir, dataDir, { recursive: true, filter: (from) => from !== marker });
} else {
  seedInto(dataDir);
}

const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env, stdio: 'inherit' });
const stop = (signal) => {
  if (!server.killed) server.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
