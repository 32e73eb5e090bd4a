import type { NetworkEdge, NetworkMetrics, NetworkNode } from '@samhandling/contracts';
import { SECTORS } from '@samhandling/contracts';
import { UndirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import { betweennessCentrality } from './betweenness.ts';

// A CommonJS module whose typings declare a default export; require gives the function itself.
const require = createRequire(import.meta.url);
const louvain = require('graphology-communities-louvain') as {
  detailed(graph: UndirectedGraph, options: { rng: () => number }): { communities: Record<string, number>; modularity: number };
};

/** Computes betweenness for n nodes and their ties; in-thread by default, a worker thread in the server. */
export type BetweennessFunction = (nodeCount: number, ties: [number, number][]) => Float64Array | Promise<Float64Array>;

/** The simple undirected graph: several collaborations between one pair count as one tie. */
function simpleGraph(nodes: NetworkNode[], edges: NetworkEdge[]): UndirectedGraph {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node.id, { sector: node.sector });
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    graph.mergeEdge(edge.source, edge.target);
  }
  return graph;
}

type BasicMetrics = Pick<NetworkMetrics, 'nodeCount' | 'edgeCount' | 'density' | 'crossSectorShare' | 'countsBySector' | 'sectorMatrix' | 'degree' | 'isolated'>;

function basicMetricsOf(graph: UndirectedGraph): BasicMetrics {
  const n = graph.order;
  const m = graph.size;
  const sectorOf = (id: string) => graph.getNodeAttribute(id, 'sector') as string;
  const countsBySector = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<string, number>;
  graph.forEachNode((id) => (countsBySector[sectorOf(id)] = (countsBySector[sectorOf(id)] ?? 0) + 1));
  // Symmetric: a public–civil society tie counts in both cells; the diagonal once.
  const sectorMatrix = Object.fromEntries(SECTORS.map((a) => [a, Object.fromEntries(SECTORS.map((b) => [b, 0]))])) as Record<string, Record<string, number>>;
  let crossSector = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const a = sectorOf(source);
    const b = sectorOf(target);
    sectorMatrix[a]![b]! += 1;
    if (a !== b) {
      sectorMatrix[b]![a]! += 1;
      crossSector += 1;
    }
  });
  return {
    nodeCount: n,
    edgeCount: m,
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    crossSectorShare: m > 0 ? crossSector / m : 0,
    countsBySector,
    sectorMatrix,
    degree: graph.nodes().map((id) => ({ organisationId: id, value: graph.degree(id) })),
    isolated: graph.nodes().filter((id) => graph.degree(id) === 0),
  };
}

/** Counts, density, cross-sector share, sector matrix, degree and isolated organisations: cheap. */
export function basicMetrics(nodes: NetworkNode[], edges: NetworkEdge[]): BasicMetrics {
  return basicMetricsOf(simpleGraph(nodes, edges));
}

/** Everything, including betweenness (Brandes, normalised) and Louvain communities. */
export async function computeMetrics(
  nodes: NetworkNode[],
  edges: NetworkEdge[],
  options: { seed?: number; betweenness?: BetweennessFunction } = {},
): Promise<NetworkMetrics> {
  const graph = simpleGraph(nodes, edges);
  const basic = basicMetricsOf(graph);
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const ties: [number, number][] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => void ties.push([index.get(source)!, index.get(target)!]));
  const centrality = await (options.betweenness ?? betweennessCentrality)(ids.length, ties);

  let communities: Record<string, number> = {};
  let modularity: number | null = null;
  if (graph.size > 0) {
    // A fixed random source keeps community numbers stable between calls on the same network.
    const detailed = louvain.detailed(graph, { rng: mulberry32(options.seed ?? 2026) });
    communities = detailed.communities;
    modularity = detailed.modularity;
  } else {
    ids.forEach((id, i) => (communities[id] = i));
  }
  const groups = new Map<number, string[]>();
  for (const [id, community] of Object.entries(communities)) groups.set(community, [...(groups.get(community) ?? []), id]);

  return {
    ...basic,
    betweenness: ids.map((id, i) => ({ organisationId: id, value: centrality[i]! })),
    communities: [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([, organisationIds], i) => ({ id: i, organisationIds: organisationIds.sort() })),
    modularity,
    surveyReciprocity: null,
  };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
