import { parentPort } from 'node:worker_threads';
import { phastTwoNearest, type ContractionHierarchy } from '../routing/ch.ts';
import { twoNearest } from '../routing/compute.ts';
import { sharedBuffers, type Labels, type Seeds } from '../routing/labels.ts';
import type { ReverseAdjacency } from '../routing/search.ts';

/** Worker side of the pool: receives the (shared) reverse graph once, then one seed set per job. */
let graph: ReverseAdjacency | null = null;
let ch: ContractionHierarchy | null = null;
parentPort!.on(
  'message',
  (msg: { kind: 'graph'; graph: ReverseAdjacency; ch: ContractionHierarchy | null } | { kind: 'job'; id: number; seeds: Seeds }) => {
    if (msg.kind === 'graph') {
      graph = msg.graph;
      ch = msg.ch;
      return;
    }
    try {
      // Labels live in shared memory so handing them back copies nothing.
      const labels: Labels = ch ? phastTwoNearest(ch, msg.seeds, sharedBuffers) : twoNearest(graph!, msg.seeds, sharedBuffers);
      parentPort!.postMessage({ id: msg.id, labels });
    } catch (e) {
      parentPort!.postMessage({ id: msg.id, error: String((e as Error)?.stack ?? e) });
    }
  },
);
