import { readFileSync } from 'node:fs';
import type { BaseNetwork } from '../graph/base.ts';
import { parseCsvNetwork } from '../graph/csv-network.ts';

/** nodes.csv + edges.csv from files. */
export function readCsvNetwork(nodesPath: string, edgesPath: string): BaseNetwork {
  return parseCsvNetwork(readFileSync(nodesPath, 'utf8'), readFileSync(edgesPath, 'utf8'));
}
