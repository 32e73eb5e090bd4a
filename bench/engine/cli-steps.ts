/**
 * The engine through its documented CLI, each step a fresh process, on the Sweden-shaped network of
 * `generate.ts` written as nodes.csv/edges.csv (the measurement). Run:
 *   node --import tsx bench/engine/cli-steps.ts [--runs 3] [--steps prepare,preprocess,cached,uncached]
 * `prepare` writes the CSV files once (to the temp directory); the other steps read them.
 * Per step: wall time of the process, its peak RSS (/usr/bin/time) and the CLI's own timings_ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync, closeSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIR_BWD, DIR_FWD } from '../../packages/engine/src/graph/base.ts';
import { generateCountry } from './generate.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : d;
};
const RUNS = Number(opt('runs', '3'));
const STEPS = opt('steps', 'prepare,preprocess,cached,uncached').split(',');
const DIR = join(tmpdir(), 'samhandling-bench', 'cli');
const CLI = fileURLToPath(new URL('../../packages/engine/src/cli/run-analyse.ts', import.meta.url));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function writer(path: string) {
  const fd = openSync(path, 'w');
  let buf = '';
  return {
    line(s: string) {
      buf += s + '\n';
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    },
    close() {
      writeSync(fd, buf);
      closeSync(fd);
    },
  };
}

function prepare(): void {
  mkdirSync(DIR, { recursive: true });
  const c = generateCountry();
  const net = c.network;
  const nodes = writer(join(DIR, 'nodes.csv'));
  nodes.line('id,lon,lat');
  for (let i = 0; i < net.lon.length; i++) nodes.line(`${1_000_000 + i},${net.lon[i]!.toFixed(7)},${net.lat[i]!.toFixed(7)}`);
  nodes.close();
  const edges = writer(join(DIR, 'edges.csv'));
  edges.line('from,to,seconds,meters,oneway');
  for (let s = 0; s < net.segA.length; s++) {
    const d = net.segDir[s]!;
    const a = 1_000_000 + net.segA[s]!;
    const b = 1_000_000 + net.segB[s]!;
    const sec = net.segSec[s]!.toFixed(2);
    const m = net.segMeters[s]!.toFixed(1);
    if (d === (DIR_FWD | DIR_BWD)) edges.line(`${a},${b},${sec},${m},0`);
    else if (d === DIR_FWD) edges.line(`${a},${b},${sec},${m},1`);
    else if (d === DIR_BWD) edges.line(`${b},${a},${sec},${m},1`);
  }
  edges.close();
  const points = writer(join(DIR, 'points.csv'));
  points.line('id,type,lon,lat');
  for (const p of c.points) points.line(`${p.id},${p.type},${p.lon.toFixed(6)},${p.lat.toFixed(6)}`);
  points.close();
  const origins = writer(join(DIR, 'origins.csv'));
  origins.line('id,lon,lat,population,municipality');
  for (const o of c.origins) origins.line(`${o.id},${o.lon.toFixed(6)},${o.lat.toFixed(6)},${o.population},${o.municipality ?? ''}`);
  origins.close();
  console.log(`prepared ${net.lon.length} nodes, ${net.segA.length} segments, ${c.points.length} points, ${c.origins.length} origins in ${DIR}`);
}

interface StepRun {
  wall_ms: number;
  /** CPU time of the process, all threads (user + system). */
  cpu_ms: number;
  peak_mb: number;
  timings_ms: Record<string, number>;
}

function cli(argv: string[]): StepRun {
  const summary = join(DIR, 'summary.json');
  rmSync(summary, { force: true });
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', process.execPath, '--import', 'tsx', CLI, ...argv, '--summary', summary], { encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const s = JSON.parse(readFileSync(summary, 'utf8')) as { timings_ms: Record<string, number>; network: { read_ms: number } | null };
  // Reading the network alone (nodes.csv + edges.csv, or the cache), apart from points and origins.
  if (s.network) s.timings_ms.network_read = s.network.read_ms;
  return { wall_ms: Math.round(wall), cpu_ms: Math.round((Number(cpu?.[1] ?? 0) + Number(cpu?.[2] ?? 0)) * 1000), peak_mb: Math.round(rss), timings_ms: Object.fromEntries(Object.entries(s.timings_ms).map(([k, v]) => [k, Math.round(v)])) };
}

const common = ['--points', join(DIR, 'points.csv'), '--origins', join(DIR, 'origins.csv'), '--out', join(DIR, 'result.csv'), '--threads', '2'];
const steps: Record<string, () => StepRun> = {
  preprocess: () => cli(['--network-nodes', join(DIR, 'nodes.csv'), '--network-edges', join(DIR, 'edges.csv'), '--save-graph', join(DIR, 'graph.bin'), ...common]),
  cached: () => cli(['--network', join(DIR, 'graph.bin'), ...common]),
  uncached: () => cli(['--network-nodes', join(DIR, 'nodes.csv'), '--network-edges', join(DIR, 'edges.csv'), ...common]),
};

if (STEPS.includes('prepare') || !existsSync(join(DIR, 'edges.csv'))) prepare();
for (const step of STEPS) {
  if (step === 'prepare') continue;
  const runs: StepRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const load = loadavg()[0]!;
    const r = steps[step]!();
    console.log(`${step} run ${i + 1}: load ${load.toFixed(2)} ${JSON.stringify(r)}`);
    runs.push(r);
  }
  const keys = Object.keys(runs[0]!.timings_ms);
  console.log(
    `RESULT ${JSON.stringify({
      step,
      runs: RUNS,
      wall_ms: median(runs.map((r) => r.wall_ms)),
      cpu_ms: median(runs.map((r) => r.cpu_ms)),
      peak_mb: median(runs.map((r) => r.peak_mb)),
      timings_ms: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.timings_ms[k]!))])),
      snap_compute_aggregate_ms: runs.map((r) => r.timings_ms.snap! + r.timings_ms.compute! + r.timings_ms.aggregate!),
    })}`,
  );
}
