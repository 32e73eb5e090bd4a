import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { validateAggregateOptions, type AggregateOptions } from '../analysis/aggregate.ts';
import { parseOriginsCsv, parsePointsCsv } from '../analysis/inputs.ts';
import type { ScenarioInput } from '../analysis/model.ts';
import { analyse, analysisFacts, applyScenario, resultTable } from '../analysis/pipeline.ts';
import type { Origin, ServicePoint } from '../analysis/points.ts';
import { readScbGridGpkg } from '../io/gpkg.ts';
import { networkSourceOf, openNetwork, warmWorkersFor, type NetworkSource } from '../io/network.ts';
import { writeResultCsv } from '../io/result-csv.ts';
import { isServiceType, SERVICE_TYPES, type ServiceType } from '../osm/services.ts';
import { mergeProfile, type Profile } from '../profile.ts';

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
    await analyseFromArgs(args, out);
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

async function analyseFromArgs(args: Args, out: (s: string) => void): Promise<void> {
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
  const saveTo = str(args, 'save-graph');
  const network = str(args, 'network');
  const source: NetworkSource | null = network
    ? networkSourceOf(network)
    : args['network-nodes']
      ? { nodesCsv: str(args, 'network-nodes')!, edgesCsv: str(args, 'network-edges')! }
      : null;
  if (saveTo && !source) throw new UsageError('--save-graph needs a road network');

  // --- load (reading and building the network are timed apart: `load` is reading, `build` the rest)
  warmWorkersFor(source, threads);
  const opened = source ? openNetwork(source, { profile, ...(saveTo ? { saveTo, hierarchy: !args['no-ch'] } : {}) }) : null;
  const tr = performance.now();
  let points: ServicePoint[];
  if (args['points-from-osm']) {
    if (!opened?.osmPoints) throw new UsageError('--points-from-osm needs --network with an OSM file (or a cache saved from one)');
    points = opened.osmPoints;
  } else points = parsePointsCsv(readFileSync(str(args, 'points')!, 'utf8'));
  const originsPath = str(args, 'origins')!;
  const origins: Origin[] = /\.gpkg$/i.test(originsPath)
    ? await readScbGridGpkg(originsPath)
    : parseOriginsCsv(readFileSync(originsPath));
  const inputsMs = performance.now() - tr;

  // --- snap + compute + aggregate
  const analysis = await analyse({
    graph: opened?.graph ?? null,
    points,
    origins,
    types,
    profile,
    straightLine: { detour: positive(args, 'detour', 1.3), kmh: positive(args, 'straight-kmh', 60) },
    threads,
    aggregate: aggOpts,
  });
  let aggregateMs = analysis.timings.aggregate;
  let after = analysis.aggregates;
  let scenario: Record<string, unknown> | undefined;
  const scenarioPath = str(args, 'scenario');
  if (scenarioPath) {
    const sc = JSON.parse(readFileSync(scenarioPath, 'utf8')) as ScenarioInput;
    // Kept applied: result.csv states the scenario's results.
    const run = applyScenario(analysis, sc);
    aggregateMs += run.aggregateMs;
    after = run.after;
    scenario = {
      input: sc,
      scenario_ms: run.scenarioMs,
      changed_origins: Object.fromEntries(types.filter((t) => run.outcome.changes[t]).map((t) => [t, run.changed.filter((c) => c.type === t).map((c) => c.originId)])),
      recomputed_origins: run.outcome.recomputed,
      before: run.before,
      after: run.after,
      change: run.change,
    };
  }

  // --- write
  writeResultCsv(str(args, 'out')!, resultTable(analysis));
  const tEnd = performance.now();
  const facts = analysisFacts(analysis);
  const graph = opened?.graph ?? null;
  const summary = {
    types,
    origins: facts.origins,
    population: facts.population,
    points: facts.points,
    points_without_road: facts.pointsWithoutRoad,
    mode: facts.mode,
    network: graph
      ? {
          nodes: graph.n,
          edges: graph.m,
          segments: graph.segA.length,
          dropped: graph.dropped,
          hierarchy: graph.ch ? { built_now: opened!.hierarchy } : null,
          read_ms: opened!.timings.read,
        }
      : null,
    aggregates: after,
    ...(scenario ? { scenario } : {}),
    timings_ms: {
      load: (opened?.timings.read ?? 0) + inputsMs,
      build: opened?.timings.build ?? 0,
      snap: analysis.timings.snap,
      compute: analysis.timings.compute,
      aggregate: aggregateMs,
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
