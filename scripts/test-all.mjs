#!/usr/bin/env node
// `npm test`: every suite, then one line `N passed, N failed` summing them all.
//  1. unit + API tests (vitest) on embedded PGlite;
//  2. the API tests again on a PostgreSQL server (TEST_DATABASE_URL, or 127.0.0.1:5432 if one answers);
//  3. browser tests (Playwright driving Chromium, with axe).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results', 'summary');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function countVitest(name, file, status) {
  if (!existsSync(file)) {
    suites.push({ name, passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' });
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { passed: report.numPassedTests, failed: report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0), skipped: report.numPendingTests + report.numTodoTests };
  suites.push({ name, ...counts });
}

function postgresReachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const pgliteReport = path.join(reports, 'vitest-pglite.json');
const pgliteStatus = run('unit and API tests on PGlite', vitest, ['run', '--project', 'server', '--project', 'engine', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`], {
  TEST_DATABASE_URL: '',
});
countVitest('unit + API (PGlite)', pgliteReport, pgliteStatus);

const databaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
if (await postgresReachable(databaseUrl)) {
  const pgReport = path.join(reports, 'vitest-postgres.json');
  const pgStatus = run('API tests on PostgreSQL', vitest, ['run', '--project', 'api', '--project', 'postgres', '--reporter=default', '--reporter=json', `--outputFile.json=${pgReport}`], {
    TEST_DATABASE_URL: databaseUrl,
  });
  countVitest('API (PostgreSQL)', pgReport, pgStatus);
} else if (process.env.CI) {
  suites.push({ name: 'API (PostgreSQL)', passed: 0, failed: 1, skipped: 0, note: `no PostgreSQL at ${databaseUrl}` });
} else {
  console.log(`\n(no PostgreSQL server at ${databaseUrl}: the PostgreSQL run is left out; set TEST_DATABASE_URL to include it)`);
}

const e2eReport = path.join(reports, 'playwright.json');
const buildStatus = run('build the web app', process.execPath, [path.join(root, 'scripts', 'ensure-web-build.mjs')]);
if (buildStatus !== 0) {
  suites.push({ name: 'browser (Chromium + axe)', passed: 0, failed: 1, skipped: 0, note: 'web build failed' });
} else {
  const e2eStatus = run('browser tests (Chromium + axe)', path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {};
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (e2eStatus !== 0 && !stats.unexpected ? 1 : 0);
    suites.push({ name: 'browser (Chromium + axe)', passed: stats.expected ?? 0, failed, skipped: stats.skipped ?? 0 });
  } else {
    suites.push({ name: 'browser (Chromium + axe)', passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' });
  }
}

console.log('\n=== summary ===');
for (const suite of suites) {
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  totals.skipped += suite.skipped;
  console.log(`${suite.name.padEnd(28)} ${suite.passed} passed, ${suite.failed} failed${suite.note ? `  (${suite.note})` : ''}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
