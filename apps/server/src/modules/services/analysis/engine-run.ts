import { existsSync, renameSync, writeFileSync } from 'node:fs';
import {
  analyse,
  analysisFacts,
  applyScenario,
  loadRoads,
  mergeProfile,
  openNetwork,
  packResults,
  resultTable,
  warmWorkersFor,
  type Analysis,
  type Origin,
  type RoutingGraph,
  type ServicePoint,
  type ServiceType,
} from '@samhandling/engine';

/**
 * The server's adapter to the engine's pipeline (`@samhandling/engine`'s analyse / applyScenario /
 * openNetwork): stored inputs in, summary and binary result table out. No database and no HTTP: it
 * runs on a worker thread (analysis.worker.ts) so that the server's event loop never waits.
 */
export interface NetworkFiles {
  id: string;
  pbf: string;
  cache: string;
  /** The roads drawn on the space's maps (GeoJSON), written when the network is built. */
  roads: string;
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

const PERCENT: Record<string, number> = { load_network: 5, read_network: 5, build_network: 20, build_hierarchy: 30, save_network: 38 };

/** The built graph for a network: from its cache, or built from the OSM file and cached (with its hierarchy). */
export function graphFor(files: NetworkFiles, profile: Record<string, unknown>, progress: Progress = () => {}): RoutingGraph {
  const cached = existsSync(files.cache);
  return openNetwork(cached ? { cache: files.cache } : { osm: files.pbf }, {
    profile: mergeProfile(profile),
    ...(cached ? {} : { saveTo: files.cache, meta: { networkId: files.id } }),
    progress: (stage) => progress(stage, PERCENT[stage] ?? 5),
  }).graph;
}

/**
 * The drivable roads of a network by display class, simplified (the engine's osm/roads.ts), written
 * beside its graph cache for the space's maps. Written whole or not at all: a half-written file is
 * never served.
 */
export function saveRoads(files: NetworkFiles, profile: Record<string, unknown>, progress: Progress = () => {}): { lines: number; bytes: number } {
  progress('extract_roads', 40);
  const { roads } = loadRoads(files.pbf, mergeProfile(profile));
  const json = JSON.stringify(roads);
  writeFileSync(`${files.roads}.part`, json);
  renameSync(`${files.roads}.part`, files.roads);
  return { lines: roads.features.reduce((n, f) => n + f.geometry.coordinates.length, 0), bytes: Buffer.byteLength(json) };
}

let ahead: { cache: string; graph: RoutingGraph } | null = null;

/** Opens a network before the analysis's inputs arrive (the job thread gets `open` first, then `run`). */
export function openAhead(network: NetworkFiles | null, profile: Record<string, unknown>, threads: number, progress: Progress): void {
  if (!network) return;
  if (existsSync(network.cache)) warmWorkersFor({ cache: network.cache }, threads);
  ahead = { cache: network.cache, graph: graphFor(network, profile, progress) };
}

async function analysisOf(input: RunInput, progress: Progress = () => {}): Promise<Analysis> {
  let graph: RoutingGraph | null = null;
  if (input.network && ahead?.cache === input.network.cache) graph = ahead.graph;
  else if (input.network) {
    if (existsSync(input.network.cache)) warmWorkersFor({ cache: input.network.cache }, input.threads);
    graph = graphFor(input.network, input.profile, progress);
  }
  ahead = null;
  progress('compute', 40);
  return analyse({
    graph,
    points: input.points,
    origins: input.origins,
    types: input.types,
    profile: mergeProfile(input.profile),
    threads: input.threads,
    aggregate: { thresholdsMin: input.thresholdsMin, vulnerableMin: input.vulnerableMin },
  });
}

/** One analysis: the summary to store and the engine's result table, packed for storage. */
export async function runAnalysis(input: RunInput, progress: Progress) {
  const t0 = performance.now();
  const a = await analysisOf(input, progress);
  progress('write', 95);
  const results = packResults(resultTable(a));
  const facts = analysisFacts(a);
  const outcome = {
    mode: facts.mode,
    population: facts.population,
    origins: facts.origins,
    points: facts.points,
    pointsWithoutRoad: facts.pointsWithoutRoad,
    aggregates: a.aggregates,
    network: facts.network ? { nodes: facts.network.nodes, edges: facts.network.edges, droppedNodes: facts.network.dropped.nodes } : null,
    timingsMs: { snap: a.timings.snap, compute: a.timings.compute, total: performance.now() - t0 },
  };
  return { outcome, results };
}

export type RunOutcome = Awaited<ReturnType<typeof runAnalysis>>['outcome'];

/** A model kept in memory for scenarios. */
export type LoadedModel = Analysis;

export function loadModel(input: RunInput): Promise<LoadedModel> {
  return analysisOf(input);
}

export interface ScenarioSpec {
  close: string[];
  open: { id: string; type: ServiceType; lon: number; lat: number; name?: string }[];
  move: { id: string; lon: number; lat: number }[];
}

/** Applies a scenario to the loaded model, measures it and reverts it: the model is unchanged afterwards. */
export function runScenario(loaded: LoadedModel, spec: ScenarioSpec) {
  const run = applyScenario(loaded, spec);
  run.revert();
  return { changed: run.changed, before: run.before, after: run.after, change: run.change, ms: run.scenarioMs + run.aggregateMs };
}
