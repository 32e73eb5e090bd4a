#!/usr/bin/env node
// `npm test`: every suite, then the time of each stage and one line `N passed, N failed` summing them all.
//  1. unit + API tests (vitest) on embedded PGlite, and the web app's unit tests;
//  2. the API tests again on a PostgreSQL server (TEST_DATABASE_URL, or 127.0.0.1:5432 if one answers);
//  3. browser tests (Playwright driving Chromium, with axe), two workers each with its own server.
// Stages timed by a caller (.ci/run: install, typecheck, lint) come in CI_STAGE_TIMES as
// `name=seconds;name=seconds` and are printed first.
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
/** Each failed test as `suite: file › name` with the first lines of its error, printed again at the end. */
const failures = [];

/** The first lines of an error message, without colour codes, so the end of the log says why. */
const firstLines = (message = '') =>
  String(message)
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(0, 4)
    .map((line) => `    ${line.slice(0, 240)}`)
    .join('\n');
/** [stage, seconds] in the order they ran. */
const stages = (process.env.CI_STAGE_TIMES ?? '')
  .split(';')
  .filter(Boolean)
  .map((entry) => {
    const [name = '', seconds = '0'] = entry.split('=');
    return [name, Number(seconds)];
  });

function run(name, command, args, env = {}, stage = name) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  stages.push([stage, (performance.now() - started) / 1000]);
  return result.status ?? 1;
}

// Whole seconds first, so 299.6 s reads "5 min 00 s" and never "4 min 60 s".
const formatSeconds = (seconds) => {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
};

/**
 * Counts from a vitest JSON report, one suite per group of test files (`groups`: name → test of the
 * file path; files no group claims go to `name`).
 */
function countVitest(name, file, status, groups = {}) {
  if (!existsSync(file)) {
    suites.push({ name, passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' });
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = new Map([[name, { passed: 0, failed: 0, skipped: 0 }], ...Object.keys(groups).map((group) => [group, { passed: 0, failed: 0, skipped: 0 }])]);
  for (const result of report.testResults ?? []) {
    const group = Object.keys(groups).find((key) => groups[key](result.name)) ?? name;
    const count = counts.get(group);
    const file = path.relative(root, result.name);
    for (const assertion of result.assertionResults ?? []) {
      if (assertion.status === 'passed') count.passed += 1;
      else if (assertion.status === 'failed') {
        count.failed += 1;
        failures.push(`${group}: ${file} › ${assertion.fullName}\n${firstLines(assertion.failureMessages?.[0])}`);
      } else count.skipped += 1;
    }
    // A file that fails to load has no assertions: count it as a failure.
    if (result.status === 'failed' && !(result.assertionResults ?? []).some((a) => a.status === 'failed')) {
      count.failed += 1;
      failures.push(`${group}: ${file} (the file failed outside its tests)\n${firstLines(result.message)}`);
    }
  }
  const all = [...counts.values()];
  const failedSomewhere = all.some((c) => c.failed > 0);
  // A run that failed without a failing test (a crash in setup or teardown) still fails.
  if (status !== 0 && !failedSomewhere) counts.get(name).failed += 1;
  for (const [suite, count] of counts) suites.push({ name: suite, ...count });
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
const pgliteStatus = run(
  'unit and API tests on PGlite, web unit tests',
  vitest,
  ['run', '--project', 'server', '--project', 'engine', '--project', 'web', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`],
  { TEST_DATABASE_URL: '' },
  'unit + API (PGlite), web unit',
);
countVitest('unit + API (PGlite)', pgliteReport, pgliteStatus, { 'web unit': (file) => file.includes(`${path.sep}apps${path.sep}web${path.sep}`) });

const databaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
if (await postgresReachable(databaseUrl)) {
  const pgReport = path.join(reports, 'vitest-postgres.json');
  // Three files at a time: here each test waits on the database server for part of its time, so a
  // third worker keeps both cores busy.
  // The fuzz test sends 30 requests per route here (100 on PGlite): PGlite is the same SQL engine, so this
  // second pass looks for what the server and its driver do differently, and a few dozen requests
  // per route find that.
  const pgStatus = run('API tests on PostgreSQL', vitest, ['run', '--project', 'api', '--project', 'postgres', '--maxWorkers=3', '--reporter=default', '--reporter=json', `--outputFile.json=${pgReport}`], {
    TEST_DATABASE_URL: databaseUrl,
    FUZZ_CASES: process.env.FUZZ_CASES ?? '30',
  });
  countVitest('API (PostgreSQL)', pgReport, pgStatus);
} else if (process.env.CI) {
  suites.push({ name: 'API (PostgreSQL)', passed: 0, failed: 1, skipped: 0, note: `no PostgreSQL at ${databaseUrl}` });
} else {
  console.log(`\n(no PostgreSQL server at ${databaseUrl}: the PostgreSQL run is left out; set TEST_DATABASE_URL to include it)`);
}

const e2eReport = path.join(reports, 'playwright.json');
const buildStatus = run('build the web app', process.execPath, [path.join(root, 'scripts', 'ensure-web-build.mjs')], {}, 'web build');
if (buildStatus !== 0) {
  suites.push({ name: 'browser (Chromium + axe)', passed: 0, failed: 1, skipped: 0, note: 'web build failed' });
} else {
  const e2eStatus = run(
    'browser tests (Chromium + axe)',
    path.join(root, 'node_modules', '.bin', 'playwright'),
    ['test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    'e2e (Chromium + axe)',
  );
  if (existsSync(e2eReport)) {
    const report = JSON.parse(readFileSync(e2eReport, 'utf8'));
    const stats = report.stats ?? {};
    collectPlaywrightFailures(report.suites ?? [], []);
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (e2eStatus !== 0 && !stats.unexpected ? 1 : 0);
    suites.push({ name: 'browser (Chromium + axe)', passed: stats.expected ?? 0, failed, skipped: stats.skipped ?? 0 });
  } else {
    suites.push({ name: 'browser (Chromium + axe)', passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' });
  }
}

/** Playwright's JSON report nests suites (file, describe) around specs, each with its runs. */
function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const within = suite.file && titles.length === 0 ? [suite.file] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const failed = (test.results ?? []).find((r) => r.status !== 'passed');
        failures.push(`browser: ${[...within, spec.title].join(' › ')} (${test.status})\n${firstLines(failed?.error?.message)}`);
      }
    }
    collectPlaywrightFailures(suite.suites ?? [], within);
  }
}

// The end of a CI log is often all that is kept: name what failed there, not only how many.
if (failures.length > 0) {
  console.log('\n=== failed ===');
  for (const failure of failures.slice(0, 20)) console.log(failure);
  if (failures.length > 20) console.log(`… and ${failures.length - 20} more (above in the log)`);
}

console.log('\n=== time per stage ===');
for (const [stage, seconds] of stages) console.log(`${stage.padEnd(32)} ${formatSeconds(seconds)}`);
console.log(`${'total'.padEnd(32)} ${formatSeconds(stages.reduce((sum, [, seconds]) => sum + seconds, 0))}`);

console.log('\n=== summary ===');
for (const suite of suites) {
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  totals.skipped += suite.skipped;
  console.log(`${suite.name.padEnd(28)} ${suite.passed} passed, ${suite.failed} failed${suite.note ? `  (${suite.note})` : ''}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
