import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs share a machine; 3100 otherwise.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Two workers, each with its own server and its own copy of the demo (ports PORT and PORT + 1): the
// specs change the demo (an agreement comes into force, accounts lock), so workers never share one.
// The config is read again in every worker process, where TEST_PARALLEL_INDEX (0 or 1, stable across
// a worker's restarts) says which server is this worker's.
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);
const workerPort = PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
// The servers share one seeding of the demo per run (e2e/start-server.mjs); this names the run.
process.env.E2E_RUN ??= `${process.pid}-${Date.now()}`;
// Chromium's headless shell (Debian's chromium-headless-shell; what Playwright itself runs headless by
// default): the same Blink and V8 without the full browser around them. The whole e2e run takes a
// fifth less CPU with it than with `chromium --headless=new`, which stays the fallback.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromium = process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-output',
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: `http://localhost:${workerPort}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // Recording a trace costs every test time (snapshots at each step) though only failures keep one:
    // E2E_TRACE=1 records them (rerun a failing spec with it); screenshots of failures are always kept.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        ...(chromium.endsWith('headless-shell') ? [] : ['--headless=new']),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-gl=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: Array.from({ length: WORKERS }, (_, index) => ({
    command: 'node e2e/start-server.mjs',
    url: `http://localhost:${PORT + index}/api/health`,
    env: { PORT: String(PORT + index), E2E_SEED_DIR: `test-results/e2e-seed-${PORT}`, E2E_RUN: process.env.E2E_RUN! },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
