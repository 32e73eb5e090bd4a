// Starts the real app for the browser tests: a fresh PGlite directory, the demo content with a
// known password (seeded before the server starts, since PGlite has a single writer), then serve.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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

const seed = spawnSync(process.execPath, [bin, 'seed', '--demo', '--password', password], { cwd: root, env, stdio: 'inherit' });
if (seed.status !== 0) {
  console.error('e2e: seeding the demo failed');
  process.exit(seed.status ?? 1);
}

const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env, stdio: 'inherit' });
const stop = (signal) => {
  if (!server.killed) server.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
