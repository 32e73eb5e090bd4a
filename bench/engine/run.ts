/**
 * Engine benchmarks. Run: node --import tsx bench/engine/run.ts [--runs 3] [--part build|analysis|osm|textbook]
 * Without --part it runs every part, each in its own child process so that peak memory is per part.
 * Results: printed, and written to last-run.json in the temp directory; bench/RESULTS.md records them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregate, travelTimeOrder, updateTravelTimeOrder } from '../../packages/engine/src/analysis/aggregate.ts';
import { AccessibilityModel } from '../../packages/engine/src/analysis/model.ts';
import type { Origin, ServicePoint } from '../../packages/engine/src/analysis/points.ts';
import { buildGraph } from '../../packages/engine/src/graph/build.ts';
import { buildCch } from '../../packages/engine/src/routing/cch.ts';
import { loadGraph, saveGraph } from '../../packages/engine/src/io/graph-file.ts';
import { loadOsm, zlibInflate } from '../../packages/engine/src/io/osm-file.ts';
import { parsePbf } from '../../packages/engine/src/osm/pbf.ts';
import { SERVICE_TYPES } from '../../packages/engine/src/osm/services.ts';
import { DEFAULT_PROFILE } from '../../packages/engine/src/profile.ts';
import { generateCountry } from './generate.ts';
import { buildObjectGraph, textbookAnalysis } from './textbook.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : d;
};
const RUNS = Number(opt('runs', '3'));
const DIR = join(tmpdir(), 'samhandling-bench');
const here = fileURLToPath(new URL('.', import.meta.url));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const peakMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const report = (r: Record<string, unknown>): void => console.log(`RESULT ${JSON.stringify(r)}`);

async function partBuild(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  let t = performance.now();
  const c = generateCountry();
  const genMs = performance.now() - t;
  const net = c.network;
  let directed = 0;
  for (let s = 0; s < net.segDir.length; s++) directed += (net.segDir[s]! & 1) + ((net.segDir[s]! >> 1) & 1);
  const builds: number[] = [];
  let g = buildGraph(net);
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    g = buildGraph(net);
    builds.push(performance.now() - t);
  }
  // Preprocessing for the PHAST sweeps, cached with the graph.
  t = performance.now();
  const cch = buildCch(g);
  const chMs = performance.now() - t;
  g.ch = cch.ch;
  t = performance.now();
  saveGraph(join(DIR, 'graph.bin'), g);
  const saveMs = performance.now() - t;
  writeFileSync(join(DIR, 'inputs.json'), JSON.stringify({ origins: c.origins, points: c.points }));
  report({
    part: 'build',
    load_average_at_start: loadavg()[0],
    generate_ms: genMs,
    base_nodes: net.lon.length,
    base_directed_edges: directed,
    towns: c.towns,
    origins: c.origins.length,
    points: c.points.length,
    graph_nodes: g.n,
    graph_edges: g.m,
    dropped_nodes: g.dropped.nodes,
    build_ms_median: median(builds),
    build_ms_runs: builds,
    ch_ms: chMs,
    ch_stats: cch.stats,
    save_ms: saveMs,
    cache_mb: statSync(join(DIR, 'graph.bin')).size / 1e6,
    peak_mb: peakMB(),
  });
}

async function partAnalysis(): Promise<void> {
  const loads: number[] = [];
  let graph = loadGraph(join(DIR, 'graph.bin')).graph;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    graph = loadGraph(join(DIR, 'graph.bin')).graph;
    loads.push(performance.now() - t);
  }
  const { origins, points } = JSON.parse(readFileSync(join(DIR, 'inputs.json'), 'utf8')) as { origins: Origin[]; points: ServicePoint[] };
  const threads = Math.min(2, availableParallelism());
  const full: { total: number; cpu: number; snap: number; compute: number; aggregate: number }[] = [];
  let model: AccessibilityModel | null = null;
  for (let i = 0; i < RUNS; i++) {
    model = null;
    const c0 = process.cpuUsage();
    const t = performance.now();
    const m = await AccessibilityModel.create({ graph, points, origins, types: SERVICE_TYPES, profile: DEFAULT_PROFILE, threads });
    const ta = performance.now();
    for (const type of SERVICE_TYPES) aggregate(m.results(type), origins);
    const end = performance.now();
    const cpu = process.cpuUsage(c0);
    // CPU time of all threads: on a shared, loaded machine it shows the work independently of waiting.
    full.push({
      total: end - t,
      cpu: (cpu.user + cpu.system) / 1000,
      snap: m.timings.snap,
      compute: m.timings.compute,
      aggregate: end - ta,
    });
    model = m;
  }
  // The same analysis without the hierarchy: the two-label Dijkstra on 2 worker threads.
  const plain: { total: number; cpu: number; compute: number }[] = [];
  const noCh = { ...graph, ch: undefined };
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const m = await AccessibilityModel.create({ graph: noCh, points, origins, types: SERVICE_TYPES, profile: DEFAULT_PROFILE, threads });
    for (const type of SERVICE_TYPES) aggregate(m.results(type), origins);
    const cpu = process.cpuUsage(c0);
    plain.push({ total: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000, compute: m.timings.compute });
  }
  const one: number[] = [];
  const oneCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const m = await AccessibilityModel.create({ graph, points, origins, types: ['groceries'], profile: DEFAULT_PROFILE, threads: 1 });
    aggregate(m.results('groceries'), origins);
    one.push(performance.now() - t);
    const cpu = process.cpuUsage(c0);
    oneCpu.push((cpu.user + cpu.system) / 1000);
  }
  // Closure: the 10 grocery points that are nearest for the most origins; apply, re-aggregate, revert.
  const m = model!;
  const r = m.results('groceries');
  const counts = new Map<number, number>();
  for (let o = 0; o < origins.length; o++) if (r.nearest[o]! >= 0) counts.set(r.nearest[o]!, (counts.get(r.nearest[o]!) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const closure: number[] = [];
  const closureCpu: number[] = [];
  const closureNoAgg: number[] = [];
  const changed: number[] = [];
  const order = travelTimeOrder(m.results('groceries'));
  for (const [p] of busiest) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const out = m.applyScenario({ close: [m.points[p]!.id] });
    const t1 = performance.now();
    // The answer includes the change in the aggregates: re-aggregate the affected type.
    const changedOrigins = (out.changes.groceries ?? []).map((c) => c.origin);
    aggregate(m.results('groceries'), origins, {}, updateTravelTimeOrder(order, m.results('groceries'), changedOrigins));
    closure.push(performance.now() - t);
    const cpu = process.cpuUsage(c0);
    closureCpu.push((cpu.user + cpu.system) / 1000);
    closureNoAgg.push(t1 - t);
    changed.push(out.changes.groceries?.length ?? 0);
    out.revert();
  }
  const g = m.results('groceries');
  let ok = 0;
  for (let o = 0; o < origins.length; o++) if (g.status[o] === 0) ok++;
  report({
    part: 'analysis',
    threads,
    load_average_at_start: loadavg()[0],
    cache_reload_ms_median: median(loads),
    full_ms_min: Math.min(...full.map((x) => x.total)),
    full_cpu_ms_median: median(full.map((x) => x.cpu)),
    full_ms_median: median(full.map((x) => x.total)),
    full_runs: full,
    without_hierarchy_full_ms_median: median(plain.map((x) => x.total)),
    without_hierarchy_full_cpu_ms_median: median(plain.map((x) => x.cpu)),
    without_hierarchy_runs: plain,
    one_type_ms_median: median(one),
    one_type_cpu_ms_median: median(oneCpu),
    closure_ms_median: median(closure),
    closure_cpu_ms_median: median(closureCpu),
    closure_without_aggregate_ms_median: median(closureNoAgg),
    closure_changed_origins: changed,
    groceries_ok_origins: ok,
    peak_mb: peakMB(),
  });
}

/** One cold analysis in a fresh process, as the CLI runs it: peak memory of a single full analysis. */
async function partMemory(): Promise<void> {
  const t = performance.now();
  const graph = loadGraph(join(DIR, 'graph.bin')).graph;
  const { origins, points } = JSON.parse(readFileSync(join(DIR, 'inputs.json'), 'utf8')) as { origins: Origin[]; points: ServicePoint[] };
  const t1 = performance.now();
  const m = await AccessibilityModel.create({
    graph,
    points,
    origins,
    types: SERVICE_TYPES,
    profile: DEFAULT_PROFILE,
    threads: Math.min(2, availableParallelism()),
  });
  for (const type of SERVICE_TYPES) aggregate(m.results(type), origins);
  const t2 = performance.now();
  const out = m.applyScenario({ close: [m.points[m.results('groceries').nearest[0]!]!.id] });
  report({
    part: 'memory',
    load_average_at_start: loadavg()[0],
    load_ms: t1 - t,
    cold_full_ms: t2 - t1,
    changed: out.changes.groceries?.length ?? 0,
    peak_mb: peakMB(),
  });
}

async function partOsm(): Promise<void> {
  const file = join(here, '../../packages/engine/test/fixtures/andorra.osm.pbf');
  const bytes = readFileSync(file);
  const mb = bytes.length / 1e6;
  const la = loadavg()[0];
  const decode: number[] = [];
  const extract: number[] = [];
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    let t = performance.now();
    let nodes = 0;
    parsePbf(bytes, zlibInflate, { node: () => void nodes++, way: () => {} });
    decode.push(performance.now() - t);
    t = performance.now();
    loadOsm(file, DEFAULT_PROFILE);
    extract.push(performance.now() - t);
  }
  report({
    part: 'osm',
    load_average_at_start: la,
    file_mb: mb,
    decode_ms_median: median(decode),
    decode_mb_s: mb / (median(decode) / 1000),
    extract_ms_median: median(extract),
    extract_mb_s: mb / (median(extract) / 1000),
  });
}

async function partTextbook(): Promise<void> {
  const c = generateCountry();
  let t = performance.now();
  const nodes = buildObjectGraph(c.network);
  const buildMs = performance.now() - t;
  t = performance.now();
  const c0 = process.cpuUsage();
  const r = textbookAnalysis(nodes, c.points, c.origins, SERVICE_TYPES);
  const cpu = process.cpuUsage(c0);
  report({
    part: 'textbook',
    load_average_at_start: loadavg()[0],
    object_graph_build_ms: buildMs,
    snap_ms: r.snapMs,
    compute_ms: r.computeMs,
    total_ms: performance.now() - t,
    cpu_ms: (cpu.user + cpu.system) / 1000,
    peak_mb: peakMB(),
  });
}

const part = opt('part', 'all');
if (part === 'build') await partBuild();
else if (part === 'analysis') await partAnalysis();
else if (part === 'osm') await partOsm();
else if (part === 'memory') await partMemory();
else if (part === 'textbook') await partTextbook();
else {
  const results: Record<string, unknown>[] = [];
  const parts = opt('parts', 'osm,build,analysis,memory,textbook').split(',');
  for (const p of parts) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--part', p, '--runs', String(RUNS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (line) {
      const r = JSON.parse(line.slice(7)) as Record<string, unknown>;
      results.push(r);
      console.log(JSON.stringify(r, null, 1));
    }
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, date: new Date().toISOString() };
  writeFileSync(join(DIR, 'last-run.json'), JSON.stringify({ machine, runs: RUNS, results }, null, 2) + '\n');
  console.log('machine', machine);
}
