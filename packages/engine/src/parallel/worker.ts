import { parentPort } from 'node:worker_threads';
import { twoNearest } from '../routing/compute.ts';
import { sharedBuffers, type Labels, type Seeds } from '../routing/labels.ts';
import type { ReverseAdjacency } from '../routing/search.ts';

/** Worker side of the pool: receives the (shared) reverse graph once, then one seed set per job. */
let graph: ReverseAdjacency | null = null;
parentPort!.on('message', (msg: { kind: 'graph'; graph: ReverseAdjacency } | { kind: 'job'; id: number; seeds: Seeds }) => {
  if (msg.kind === 'graph') {
    graph = msg.graph;
    return;
  }
  try {
    // Labels live in shared memory so handing them back copies nothing.
    const labels: Labels = twoNearest(graph!, msg.seeds, sharedBuffers);
    parentPort!.postMessage({ id: msg.id, labels });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) });
  }
});
