import { readFileSync } from 'node:fs';
import type { BaseNetwork } from '../graph/base.ts';
import { parseCsvNetwork } from '../graph/csv-network.ts';

/** nodes.csv + edges.csv from files (each read whole, in one go). */
export function readCsvNetwork(nodesPath: string, edgesPath: string): BaseNetwork {
  // Bytes, not text: the reader takes numbers and integer ids straight from them.
  return parseCsvNetwork(readFileSync(nodesPath), readFileSync(edgesPath));
}
