import { readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  aggregate,
  diffAggregate,
  travelTimeOrder,
  updateTravelTimeOrder,
  validateAggregateOptions,
  type AggregateOptions,
  type TypeAggregate,
} from '../analysis/aggregate.ts';
import { parseOriginsCsv, parsePointsCsv } from '../analysis/inputs.ts';
import { AccessibilityModel, type ScenarioInput } from '../analysis/model.ts';
import type { Origin, ServicePoint } from '../analysis/points.ts';
import { STATUS } from '../analysis/results.ts';
import { buildGraph } from '../graph/build.ts';
import { buildCch } from '../routing/cch.ts';
import { parseCsvNetwork } from '../graph/csv-network.ts';
import type { RoutingGraph } from '../graph/graph.ts';
import { readScbGridGpkg } from '../io/gpkg.ts';
import { loadGraph, looksLikeGraphCache, saveGraph } from '../io/graph-file.ts';
import { loadOsm } from '../io/osm-file.ts';
import { isServiceType, SERVICE_TYPES, type ServiceType } from '../osm/services.ts';
import { mergeProfile, type Profile } from '../profile.ts';
import type { BaseNetwork } from '../graph/base.ts';

export const ANALYSE_USAGE = `samhandling analyse — car travel time and road distance from every origin to the
nearest and second-nearest service point of each type.

Usage:
  samhandling analyse
    --network <file.osm.pbf|.osm|.osm.gz|graph cache>
      | --network-nodes nodes.csv --network-edges edges.csv
      | --straight-line
    [--profile profile.json]      speeds per highway class, snap speed/distance, ferries (merged over the default)
    --points <points.csv> | --points-from-osm
    [--types groceries,fuel,pharmacy,post,payment]
    --origins <origins.csv|grid.gpkg|grid.csv>
    --out result.csv
    [--summary summary.json]      aggregates + timings_ms {load, build, snap, compute, aggregate, total}
    [--scenario scenario.json]    {"close":[ids],"open":[{id,type,lon,lat}],"move":[{id,lon,lat}]}
    [--threads N]                 worker threads for the service types (default: cores, max 5)
    [--thresholds 5,10,30]        travel-time class limits in minutes
    [--vulnerable-min 10]         second-nearest further than this ⇒ vulnerable
    [--save-graph graph.bin]      write the built graph, its contraction hierarchy and the OSM points as a
                                  cache for next time (analyses on a cache with a hierarchy use PHAST sweeps)
    [--no-ch]                     with --save-graph: skip the hierarchy (faster to save, slower to analyse)
    [--detour 1.3] [--straight-kmh 60]   straight-line fallback parameters

Files:
  points.csv    id,type,lon,lat[,name]
  origins.csv   id,lon,lat[,population][,municipality]
  grid.csv      SCB grid: rutid_scb,beftotalt[,kommunkod]; grid.gpkg: SCB GeoPackage layer befolkning_1km_*
  result.csv    origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status
`;

interface Args {
  [k: string]: string | boolean | undefined;
}

const VALUE_FLAGS = new Set([
  'network',
  'network-nodes',
  'network-edges',
  'profile',
  'points',
  'types',
  'origins',
  'out',
  'summary',
  'scenario',
  'threads',
  'thresholds',
  'vulnerable-min',
  'save-graph',
  'detour',
  'straight-kmh',
]);
const BOOL_FLAGS = new Set(['straight-line', 'points-from-osm', 'help', 'no-ch']);

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const a: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '-h') {
      a.help = true;
      continue;
    }
    if (!raw.startsWith('--')) throw new UsageError(`unexpected argument: ${raw}`);
    let name = raw.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (BOOL_FLAGS.has(name)) a[name] = true;
    else if (VALUE_FLAGS.has(name)) {
      value ??= argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      a[name] = value;
    } else throw new UsageError(`unknown option --${name}`);
  }
  return a;
}

function str(a: Args, k: string): string | undefined {
  const v = a[k];
  return typeof v === 'string' ? v : undefined;
}

function positive(a: Args, k: string, dflt: number): number {
  const v = str(a, k);
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!(x > 0)) throw new UsageError(`--${k} must be a positive number`);
  return x;
}

const fmt = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : '');

/** `samhandling analyse`: returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runAnalyseCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.help) {
      out(ANALYSE_USAGE);
      return 0;
    }
    const sources = [
      args.network !== undefined,
      args['network-nodes'] !== undefined || args['network-edges'] !== undefined,
      args['straight-line'] === true,
    ].filter(Boolean).length;
    if (sources !== 1) throw new UsageError('give exactly one of --network, --network-nodes/--network-edges, --straight-line');
    if ((args['network-nodes'] === undefined) !== (args['network-edges'] === undefined))
      throw new UsageError('--network-nodes and --network-edges go together');
    if ((args.points === undefined) === (args['points-from-osm'] === undefined))
      throw new UsageError('give exactly one of --points, --points-from-osm');
    if (!args.origins) throw new UsageError('--origins is required');
    if (!args.out) throw new UsageError('--out is required');
  } catch (e) {
    if (e instanceof UsageError) {
      err(`samhandling analyse: ${e.message}\n\n${ANALYSE_USAGE}`);
      return 2;
    }
    throw e;
  }
  try {
    await analyse(args, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`samhandling analyse: ${e.message}\n`);
      return 2;
    }
    err(`samhandling analyse: ${(e as Error).message}\n`);
    return 1;
  }
}

async function analyse(args: Args, out: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const profile: Profile = mergeProfile(
    args.profile ? (JSON.parse(readFileSync(str(args, 'profile')!, 'utf8')) as Partial<Profile>) : undefined,
  );
  const types: ServiceType[] = str(args, 'types')
    ? str(args, 'types')!
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => {
          if (!isServiceType(t)) throw new UsageError(`unknown type "${t}" (${SERVICE_TYPES.join(', ')})`);
          return t;
        })
    : [...SERVICE_TYPES];
  const threads = Math.max(1, Math.floor(positive(args, 'threads', Math.min(5, availableParallelism()))));
  const thresholds = str(args, 'thresholds')?.split(',').map(Number);
  const aggOpts: AggregateOptions = {
    ...(thresholds ? { thresholdsMin: thresholds } : {}),
    vulnerableMin: positive(args, 'vulnerable-min', 10),
  };
  try {
    validateAggregateOptions(aggOpts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }

  // --- load
  let base: BaseNetwork | null = null;
  let graph: RoutingGraph | null = null;
  let osmPoints: ServicePoint[] | null = null;
  const network = str(args, 'network');
  if (network) {
    if (looksLikeGraphCache(network)) {
      const c = loadGraph(network);
      graph = c.graph;
      osmPoints = (c.meta.points as ServicePoint[] | undefined) ?? null;
    } else {
      const x = loadOsm(network, profile);
      base = x.network;
      osmPoints = x.points;
    }
  } else if (args['network-nodes']) {
    base = parseCsvNetwork(readFileSync(str(args, 'network-nodes')!, 'utf8'), readFileSync(str(args, 'network-edges')!, 'utf8'));
  }
  let points: ServicePoint[];
  if (args['points-from-osm']) {
    if (!osmPoints) throw new UsageError('--points-from-osm needs --network with an OSM file (or a cache saved from one)');
    points = osmPoints;
  } else points = parsePointsCsv(readFileSync(str(args, 'points')!, 'utf8'));
  points = points.filter((p) => types.includes(p.type));
  const originsPath = str(args, 'origins')!;
  const origins: Origin[] = /\.gpkg$/i.test(originsPath)
    ? await readScbGridGpkg(originsPath)
    : parseOriginsCsv(readFileSync(originsPath, 'utf8'));
  const tLoad = performance.now();

  // --- build
  if (base) graph = buildGraph(base);
  const saveTo = str(args, 'save-graph');
  let hierarchy: { arcs: number; ms: number } | null = null;
  if (saveTo) {
    if (!graph) throw new UsageError('--save-graph needs a road network');
    // The hierarchy is preprocessing worth keeping: built once with the cache, used by every later run.
    if (!args['no-ch'] && !graph.ch) {
      const th = performance.now();
      const built = buildCch(graph);
      graph.ch = built.ch;
      hierarchy = { arcs: built.stats.arcs, ms: performance.now() - th };
    }
    saveGraph(saveTo, graph, osmPoints ? { points: osmPoints } : {});
  }
  const tBuild = performance.now();

  // --- snap + compute
  const model = await AccessibilityModel.create({
    graph,
    points,
    origins,
    types,
    profile,
    straightLine: { detour: positive(args, 'detour', 1.3), kmh: positive(args, 'straight-kmh', 60) },
    threads,
  });

  // --- aggregate (and scenario)
  let tAgg = performance.now();
  const orders = new Map(types.map((t) => [t, travelTimeOrder(model.results(t))]));
  const before: Record<string, TypeAggregate> = Object.fromEntries(
    types.map((t) => [t, aggregate(model.results(t), origins, aggOpts, orders.get(t))]),
  );
  tAgg = performance.now() - tAgg;
  let scenario: Record<string, unknown> | undefined;
  let after = before;
  const scenarioPath = str(args, 'scenario');
  if (scenarioPath) {
    const sc = JSON.parse(readFileSync(scenarioPath, 'utf8')) as ScenarioInput;
    const ts = performance.now();
    const outcome = model.applyScenario(sc);
    const tScenario = performance.now() - ts;
    const ta = performance.now();
    // Only the types the scenario touched are re-aggregated, with the order updated by merge.
    after = { ...before };
    for (const t of types) {
      const ch = outcome.changes[t];
      if (!ch?.length) continue;
      const order = updateTravelTimeOrder(
        orders.get(t)!,
        model.results(t),
        ch.map((c) => c.origin),
      );
      after[t] = aggregate(model.results(t), origins, aggOpts, order);
    }
    tAgg += performance.now() - ta;
    scenario = {
      input: sc,
      scenario_ms: tScenario,
      changed_origins: Object.fromEntries(Object.entries(outcome.changes).map(([t, ch]) => [t, ch.map((c) => origins[c.origin]!.id)])),
      recomputed_origins: outcome.recomputed,
      before,
      after,
      change: diffAggregate(before, after),
    };
  }

  // --- write
  writeResultCsv(str(args, 'out')!, model, types);
  const tEnd = performance.now();
  const summary = {
    types,
    origins: origins.length,
    population: origins.reduce((s, o) => s + o.population, 0),
    points: Object.fromEntries(types.map((t) => [t, model.points.filter((p, i) => p.type === t && model.active[i]).length])),
    points_without_road: model.pointsWithoutRoad().map((p) => ({ id: p.id, type: p.type })),
    mode: graph ? 'road' : 'straight_line',
    network: graph
      ? {
          nodes: graph.n,
          edges: graph.m,
          segments: graph.segA.length,
          dropped: graph.dropped,
          hierarchy: graph.ch ? { built_now: hierarchy } : null,
        }
      : null,
    aggregates: after,
    ...(scenario ? { scenario } : {}),
    timings_ms: {
      load: tLoad - t0,
      build: tBuild - tLoad,
      snap: model.timings.snap,
      compute: model.timings.compute,
      aggregate: tAgg,
      total: tEnd - t0,
    },
  };
  const summaryPath = str(args, 'summary');
  if (summaryPath) writeFileSync(summaryPath, JSON.stringify(summary, null, 2) + '\n');
  out(
    `analysed ${origins.length} origins × ${types.length} types in ${(tEnd - t0).toFixed(0)} ms` +
      (graph
        ? ` (network: ${graph.n} junctions, ${graph.m} edges; dropped ${graph.dropped.nodes} nodes outside the largest strongly connected part)`
        : ' (straight line)') +
      '\n',
  );
}

export function writeResultCsv(path: string, model: AccessibilityModel, types: readonly ServiceType[]): void {
  const fd = openSync(path, 'w');
  try {
    let buf = 'origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status\n';
    const q = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    for (let o = 0; o < model.origins.length; o++) {
      const oid = q(model.origins[o]!.id);
      const snap = fmt(model.snapMeters(o), 1);
      for (const t of types) {
        const r = model.results(t);
        const n = r.nearest[o]!;
        const s = r.second[o]!;
        buf +=
          `${oid},${t},${n >= 0 ? q(model.points[n]!.id) : ''},${fmt(r.sec[o]!, 1)},${fmt(r.meters[o]!, 0)},` +
          `${s >= 0 ? q(model.points[s]!.id) : ''},${fmt(r.sec2[o]!, 1)},${fmt(r.meters2[o]!, 0)},${snap},${STATUS[r.status[o]!]}\n`;
        if (buf.length > 1 << 20) {
          writeSync(fd, buf);
          buf = '';
        }
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}
