/**
 * The server's analysis job on the Sweden-shaped network (bench/engine/cli-steps.ts writes it:
 * 2.57M nodes, 115,000 origins, 12,900 points), against the documented CLI on the same inputs.
 * A real server (`samhandling serve`, PGlite, fresh DATA_DIR) gets the points and the population
 * through its import API and a road network whose graph cache is the national one (the network is
 * imported as a small OSM file and its cache then replaced, so the job runs "on a cached network").
 * Runs alternate: the CLI in a fresh process (`--network graph.bin`, wall time of the process), then
 * the job through the API (POST → done, polled every 50 ms), so both see the same machine load.
 *
 *   node --import tsx bench/engine/cli-steps.ts --steps prepare,preprocess --runs 1   (once)
 *   npx tsx bench/server/analysis-job-national.ts                                  (RUNS=3)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runAnalysisJob, sleep } from './county-case.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const PORT = Number(process.env.PORT ?? 3308);
const DIR = path.join(tmpdir(), 'samhandling-bench', 'cli');
const root = path.resolve(import.meta.dirname, '..', '..');
for (const f of ['graph.bin', 'points.csv', 'origins.csv'])
  if (!existsSync(path.join(DIR, f))) throw new Error(`${path.join(DIR, f)} missing: run bench/engine/cli-steps.ts --steps prepare,preprocess first`);

const base = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-national-bench-'));
const email = 'bench@example.org';
const password = 'restid-och-avstand-2026';
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: 'false', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const bin = path.join(root, 'bin', 'samhandling.js');
const created = spawnSync(process.execPath, [bin, 'users', 'create', '--email', email, '--password', password, '--admin'], { env, encoding: 'utf8' });
if (created.status !== 0) throw new Error(created.stderr);
// e.g. SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server.
const serverArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const server = spawn(process.execPath, [...serverArgs, bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
let cookie = '';
const api = async (method: string, url: string, body?: unknown) => {
  const headers: Record<string, string> = { cookie, origin: base };
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(base + url, { method, headers, ...(payload ? { body: payload } : {}) });
  const setCookie = res.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0]!;
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
};
const file = (p: string, name: string) => {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(p)]), name);
  return form;
};

function cliRun(): { wallMs: number; timings: Record<string, number> } {
  const summary = path.join(DIR, 'national-cli-summary.json');
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'packages/engine/src/cli/run-analyse.ts'), '--network', path.join(DIR, 'graph.bin'), '--points', path.join(DIR, 'points.csv'), '--origins', path.join(DIR, 'origins.csv'), '--out', path.join(DIR, 'national-cli.csv'), '--summary', summary, '--threads', '2'],
    { encoding: 'utf8', cwd: root },
  );
  const wallMs = Math.round(performance.now() - t);
  if (r.status !== 0) throw new Error(r.stderr);
  const timings = JSON.parse(readFileSync(summary, 'utf8')).timings_ms as Record<string, number>;
  return { wallMs, timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) };
}

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 600) throw new Error('server not healthy');
    await sleep(100);
  }
  await api('POST', '/api/auth/sign-in', { email, password });
  const space = await api('POST', '/api/spaces', { name: 'Sverige', kind: 'regional', visibility: 'members', municipalityCodes: [] });
  let t = performance.now();
  await api('POST', `/api/spaces/${space.id}/service-points/import?dryRun=false`, file(path.join(DIR, 'points.csv'), 'points.csv'));
  const pointsMs = performance.now() - t;
  t = performance.now();
  const population = await api('POST', `/api/spaces/${space.id}/population/import`, file(path.join(DIR, 'origins.csv'), 'origins.csv'));
  const populationMs = performance.now() - t;
  const andorra = path.join(root, 'packages/engine/test/fixtures/andorra.osm.pbf');
  const network = await api('POST', `/api/spaces/${space.id}/networks/import`, file(andorra, 'andorra.osm.pbf'));
  for (;;) {
    const n = (await api('GET', `/api/spaces/${space.id}/networks`)).find((x: { id: string }) => x.id === network.id);
    if (n.status === 'done') break;
    if (n.status !== 'queued' && n.status !== 'running') throw new Error(`network ${n.status}: ${n.error}`);
    await sleep(200);
  }
  // The national graph stands in for this network's cache.
  const cache = path.join(dataDir, 'networks', `${network.id}.graph`);
  unlinkSync(cache);
  symlinkSync(path.join(DIR, 'graph.bin'), cache);

  const runs: { cli: ReturnType<typeof cliRun>; job: Awaited<ReturnType<typeof runAnalysisJob>>; load: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const load = loadavg()[0]!;
    const cli = cliRun();
    const job = await runAnalysisJob(api, space.id, { populationId: population.id, networkId: network.id });
    console.error(`run ${r + 1}: load ${load.toFixed(2)}, CLI ${cli.wallMs} ms, job ${job.totalMs} ms`, JSON.stringify({ cli: cli.timings, stages: job.stages, engine: job.engine }));
    runs.push({ cli, job, load });
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify(
      {
        machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
        setupMs: { points: Math.round(pointsMs), population: Math.round(populationMs) },
        runs: runs.map((r) => ({ load: Math.round(r.load * 100) / 100, cliWallMs: r.cli.wallMs, cliTimings: r.cli.timings, jobMs: r.job.totalMs, stages: r.job.stages, engine: r.job.engine })),
        medianCliWallMs: median(runs.map((r) => r.cli.wallMs)),
        medianJobMs: median(runs.map((r) => r.job.totalMs)),
        medianJobMinusCliMs: median(runs.map((r) => r.job.totalMs - r.cli.wallMs)),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
