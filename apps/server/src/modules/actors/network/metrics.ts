import type { NetworkEdge, NetworkMetrics, NetworkNode } from '@samhandling/contracts';
import { UndirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import { SECTORS } from '@samhandling/contracts';

// Both are CommonJS modules whose typings declare a default export; require gives the function itself.
const require = createRequire(import.meta.url);
const betweennessCentrality = require('graphology-metrics/centrality/betweenness') as (
  graph: UndirectedGraph,
  options: { normalized: boolean },
) => Record<string, number>;
const louvain = require('graphology-communities-louvain') as {
  detailed(graph: UndirectedGraph, options: { rng: () => number }): { communities: Record<string, number>; modularity: number };
};

/**
 * Network metrics of organisations and their collaborations, computed with graphology on the
 * simple undirected graph: several collaborations between one pair count as one tie.
 */
export function computeMetrics(nodes: NetworkNode[], edges: NetworkEdge[], options: { seed?: number } = {}): NetworkMetrics {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node.id, { sector: node.sector });
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    graph.mergeEdge(edge.source, edge.target);
  }
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

  const betweenness = n > 2 ? betweennessCentrality(graph, { normalized: true }) : Object.fromEntries(graph.nodes().map((id) => [id, 0]));
  let communities: Record<string, number> = {};
  let modularity: number | null = null;
  if (m > 0) {
    // A fixed random source keeps community numbers stable between calls on the same network.
    const detailed = louvain.detailed(graph, { rng: mulberry32(options.seed ?? 2026) });
    communities = detailed.communities;
    modularity = detailed.modularity;
  } else {
    graph.forEachNode((id, _a) => (communities[id] = Object.keys(communities).length));
  }
  const groups = new Map<number, string[]>();
  for (const [id, community] of Object.entries(communities)) groups.set(community, [...(groups.get(community) ?? []), id]);

  return {
    nodeCount: n,
    edgeCount: m,
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    crossSectorShare: m > 0 ? crossSector / m : 0,
    countsBySector,
    sectorMatrix,
    degree: graph.nodes().map((id) => ({ organisationId: id, value: graph.degree(id) })),
    betweenness: graph.nodes().map((id) => ({ organisationId: id, value: betweenness[id] ?? 0 })),
    isolated: graph.nodes().filter((id) => graph.degree(id) === 0),
    communities: [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([, organisationIds], index) => ({ id: index, organisationIds: organisationIds.sort() })),
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
