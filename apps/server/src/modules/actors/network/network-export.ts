import type { Network } from '@samhandling/contracts';
import { MultiUndirectedGraph, type UndirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import { writeCsv } from '../../../platform/csv.ts';

const require = createRequire(import.meta.url);
const gexf = require('graphology-gexf') as { write(graph: UndirectedGraph | MultiUndirectedGraph, options?: { formatNode?: unknown; formatEdge?: unknown }): string };

/** GEXF 1.2 for Gephi: nodes with sector, level, type and municipality; edges with type and origin. */
export function networkToGexf(network: Network): string {
  const graph = new MultiUndirectedGraph({ allowSelfLoops: false });
  for (const node of network.nodes) {
    graph.addNode(node.id, { label: node.name, sector: node.sector, level: node.level, type: node.type, municipalityCode: node.municipalityCode ?? '' });
  }
  for (const edge of network.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.addEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, origin: edge.origin, frequency: edge.frequency ?? '' });
    }
  }
  return gexf.write(graph);
}

export function organisationsToCsv(network: Network): string {
  return writeCsv(
    ['id', 'name', 'sector', 'level', 'type', 'municipality_code', 'degree'],
    network.nodes.map((n) => [n.id, n.name, n.sector, n.level, n.type, n.municipalityCode ?? '', n.degree]),
  );
}

export function collaborationsToCsv(network: Network): string {
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  return writeCsv(
    ['id', 'organisation_a', 'organisation_a_name', 'organisation_b', 'organisation_b_name', 'type', 'source', 'frequency', 'example_data'],
    network.edges.map((e) => [e.id, e.source, names.get(e.source) ?? '', e.target, names.get(e.target) ?? '', e.type, e.origin, e.frequency ?? '', e.exampleData]),
  );
}
