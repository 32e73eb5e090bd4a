import { existsSync } from 'node:fs';
import {
  AccessibilityModel,
  aggregate,
  buildCch,
  buildGraph,
  diffAggregate,
  loadGraph,
  loadOsm,
  mergeProfile,
  saveGraph,
  travelTimeOrder,
  updateTravelTimeOrder,
  type Origin,
  type RoutingGraph,
  type ServicePoint,
  type ServiceType,
  type TypeAggregate,
} from '@samhandling/engine';
import { writeResultCsv } from '@samhandling/engine/cli';

/**
 * The engine's side of an analysis, with no database and no HTTP: run on a worker thread
 * (analysis.worker.ts) so that the server's event loop never waits for a computation.
 */
export interface NetworkFiles {
  id: string;
  pbf: string;
  cache: string;
}

export interface RunInput {
  network: NetworkFiles | null;
  points: ServicePoint[];
  origins: Origin[];
  types: ServiceType[];
  profile: Record<string, unknown>;
  thresholdsMin: number[];
  vulnerableMin: number;
  threads: number;
}

export type Progress = (stage: string, percent: number) => void;

/** The built graph for a network: from its cache, or built from the OSM file and cached (with its hierarchy). */
export function graphFor(files: NetworkFiles, profile: Record<string, unknown>, progress: Progress = () => {}): { graph: RoutingGraph; builtNow: boolean } {
  if (existsSync(files.cache)) {
    progress('load_network', 5);
    return { graph: loadGraph(files.cache).graph, builtNow: false };
  }
  progress('read_network', 5);
  const osm = loadOsm(files.pbf, mergeProfile(profile));
  progress('build_network', 20);
  const graph = buildGraph(osm.network);
  progress('build_hierarchy', 30);
  graph.ch = buildCch(graph).ch;
  saveGraph(files.cache, graph, { networkId: files.id });
  return { graph, builtNow: true };
}

export async function buildModel(input: Omit<RunInput, 'thresholdsMin' | 'vulnerableMin'>, progress: Progress = () => {}) {
  const profile = mergeProfile(input.profile);
  const graph = input.network ? graphFor(input.network, input.profile, progress).graph : null;
  progress('compute', 40);
  const model = await AccessibilityModel.create({
    graph,
    points: input.points.filter((p) => input.types.includes(p.type)),
    origins: input.origins,
    types: input.types,
    profile,
    threads: input.threads,
  });
  return model;
}

export function aggregatesOf(model: AccessibilityModel, input: Pick<RunInput, 'thresholdsMin' | 'vulnerableMin' | 'types' | 'origins'>, orders?: Map<ServiceType, Uint32Array>) {
  const opts = { thresholdsMin: input.thresholdsMin, vulnerableMin: input.vulnerableMin };
  return Object.fromEntries(input.types.map((t) => [t, aggregate(model.results(t), input.origins, opts, orders?.get(t))])) as Record<string, TypeAggregate>;
}

export async function runAnalysis(input: RunInput, resultsPath: string, progress: Progress) {
  const t0 = performance.now();
  const model = await buildModel(input, progress);
  progress('aggregate', 85);
  const aggregates = aggregatesOf(model, input);
  progress('write', 95);
  writeResultCsv(resultsPath, model, input.types);
  const graph = model.graph;
  return {
    mode: graph ? ('road' as const) : ('straight_line' as const),
    population: input.origins.reduce((s, o) => s + o.population, 0),
    origins: input.origins.length,
    points: Object.fromEntries(input.types.map((t) => [t, model.points.filter((p, i) => p.type === t && model.active[i]).length])),
    pointsWithoutRoad: model.pointsWithoutRoad().map((p) => ({ id: p.id, type: p.type })),
    aggregates,
    network: graph ? { nodes: graph.n, edges: graph.m, droppedNodes: graph.dropped.nodes } : null,
    timingsMs: { snap: model.timings.snap, compute: model.timings.compute, total: performance.now() - t0 },
  };
}

export type RunOutcome = Awaited<ReturnType<typeof runAnalysis>>;

/** A model kept in memory for scenarios, with the travel-time orders that make re-aggregation cheap. */
export interface LoadedModel {
  model: AccessibilityModel;
  input: RunInput;
  orders: Map<ServiceType, Uint32Array>;
  before: Record<string, TypeAggregate>;
}

export async function loadModel(input: RunInput): Promise<LoadedModel> {
  const model = await buildModel(input);
  const orders = new Map(input.types.map((t) => [t, travelTimeOrder(model.results(t))]));
  return { model, input, orders, before: aggregatesOf(model, input, orders) };
}

export interface ScenarioSpec {
  close: string[];
  open: { id: string; type: ServiceType; lon: number; lat: number; name?: string }[];
  move: { id: string; lon: number; lat: number }[];
}

const idOf = (m: AccessibilityModel, i: number): string | null => (i >= 0 ? m.points[i]!.id : null);
const secondsOf = (s: number): number | null => (Number.isFinite(s) ? s : null);

/** Applies a scenario to the loaded model, measures it and reverts it: the model is unchanged afterwards. */
export function runScenario(loaded: LoadedModel, spec: ScenarioSpec) {
  const { model, input } = loaded;
  const t0 = performance.now();
  const outcome = model.applyScenario(spec);
  try {
    const after: Record<string, TypeAggregate> = { ...loaded.before };
    const changed: { originId: string; type: ServiceType; before: { nearestId: string | null; seconds: number | null }; after: { nearestId: string | null; seconds: number | null } }[] = [];
    const opts = { thresholdsMin: input.thresholdsMin, vulnerableMin: input.vulnerableMin };
    for (const t of input.types) {
      const ch = outcome.changes[t];
      if (!ch?.length) continue;
      const order = updateTravelTimeOrder(loaded.orders.get(t)!, model.results(t), ch.map((c) => c.origin));
      after[t] = aggregate(model.results(t), input.origins, opts, order);
      for (const c of ch) {
        changed.push({
          originId: input.origins[c.origin]!.id,
          type: t,
          before: { nearestId: idOf(model, c.before.nearest), seconds: secondsOf(c.before.sec) },
          after: { nearestId: idOf(model, c.after.nearest), seconds: secondsOf(c.after.sec) },
        });
      }
    }
    return { changed, before: loaded.before, after, change: diffAggregate(loaded.before, after), ms: performance.now() - t0 };
  } finally {
    outcome.revert();
  }
}
