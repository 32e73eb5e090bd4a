import { statSync } from 'node:fs';
import type { ServicePoint } from '../analysis/points.ts';
import type { BaseNetwork } from '../graph/base.ts';
import { buildGraph } from '../graph/build.ts';
import type { RoutingGraph } from '../graph/graph.ts';
import type { Profile } from '../profile.ts';
import { buildCch } from '../routing/cch.ts';
import { readCsvNetwork } from './csv-network-file.ts';
import { loadGraph, looksLikeGraphCache, saveGraph } from './graph-file.ts';
import { loadOsm } from './osm-file.ts';
import { warmWorkers } from '../parallel/pool.ts';

/** Where a road network comes from: a graph cache, an OSM file (PBF, XML, gzipped XML) or nodes.csv + edges.csv. */
export type NetworkSource = { cache: string } | { osm: string } | { nodesCsv: string; edgesCsv: string };

/** A file given as the network: a graph cache when it starts with the cache magic, OSM otherwise. */
export function networkSourceOf(path: string): NetworkSource {
  return looksLikeGraphCache(path) ? { cache: path } : { osm: path };
}

/**
 * Starts the analysis's worker threads while the network is read, when the network is large enough
 * for the analysis to use them (small graphs are analysed in the calling thread).
 */
export function warmWorkersFor(source: NetworkSource | null, threads: number): void {
  if (!source || threads <= 1) return;
  const bytes = 'cache' in source ? statSync(source.cache).size : 'osm' in source ? statSync(source.osm).size * 16 : statSync(source.edgesCsv).size * 8;
  if (bytes >= 64 << 20) warmWorkers(threads);
}

export interface OpenNetworkOptions {
  profile: Profile;
  /** Write the built graph (with its hierarchy and any OSM points) as a cache here. */
  saveTo?: string;
  /** With saveTo: build the contraction hierarchy first (default true). */
  hierarchy?: boolean;
  /** Stored in the cache's header. */
  meta?: Record<string, unknown>;
  progress?: (stage: 'read_network' | 'load_network' | 'build_network' | 'build_hierarchy' | 'save_network') => void;
}

export interface OpenedNetwork {
  graph: RoutingGraph;
  /** Service points found in the OSM file (or stored in the cache from one). */
  osmPoints: ServicePoint[] | null;
  /** The hierarchy built now (null when it came from the cache or was not asked for). */
  hierarchy: { arcs: number; ms: number } | null;
  timings: { read: number; build: number };
}

/** Reads a network and, unless it is a cache, builds the routing graph (and saves it when asked). */
export function openNetwork(source: NetworkSource, o: OpenNetworkOptions): OpenedNetwork {
  const t0 = performance.now();
  if ('cache' in source) {
    o.progress?.('load_network');
    const c = loadGraph(source.cache);
    return { graph: c.graph, osmPoints: (c.meta.points as ServicePoint[] | undefined) ?? null, hierarchy: null, timings: { read: performance.now() - t0, build: 0 } };
  }
  o.progress?.('read_network');
  let base: BaseNetwork;
  let osmPoints: ServicePoint[] | null = null;
  if ('osm' in source) {
    const x = loadOsm(source.osm, o.profile);
    base = x.network;
    osmPoints = x.points;
  } else base = readCsvNetwork(source.nodesCsv, source.edgesCsv);
  const t1 = performance.now();
  o.progress?.('build_network');
  const graph = buildGraph(base);
  let hierarchy: OpenedNetwork['hierarchy'] = null;
  if (o.saveTo) {
    // The hierarchy is preprocessing worth keeping: built once with the cache, used by every later run.
    if (o.hierarchy !== false) {
      o.progress?.('build_hierarchy');
      const th = performance.now();
      const built = buildCch(graph);
      graph.ch = built.ch;
      hierarchy = { arcs: built.stats.arcs, ms: performance.now() - th };
    }
    o.progress?.('save_network');
    saveGraph(o.saveTo, graph, { ...(o.meta ?? {}), ...(osmPoints ? { points: osmPoints } : {}) });
  }
  return { graph, osmPoints, hierarchy, timings: { read: t1 - t0, build: performance.now() - t1 } };
}
