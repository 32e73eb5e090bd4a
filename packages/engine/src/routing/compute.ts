import { allocLabels, plainBuffers, resetLabels, type BufferFactory, type Labels, type Seeds } from './labels.ts';
import { TwoNearestSearch, type ReverseAdjacency } from './search.ts';

/** Two nearest distinct sources for every node (travel towards the sources). */
export function twoNearest(g: ReverseAdjacency, seeds: Seeds, alloc: BufferFactory = plainBuffers): Labels {
  const labels = allocLabels(g.n, alloc);
  resetLabels(labels);
  const search = new TwoNearestSearch(g, labels, Math.max(1024, seeds.node.length * 2));
  search.seed(seeds);
  search.run();
  return labels;
}
