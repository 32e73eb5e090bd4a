import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from './betweenness.ts';

const require = createRequire(import.meta.url);
const reference = require('graphology-metrics/centrality/betweenness') as (graph: UndirectedGraph, options: { normalized: boolean }) => Record<string, number>;

describe('betweenness centrality', () => {
  it('matches hand-computed values on a path and a star', () => {
    expect([...betweennessCentrality(4, [[0, 1], [1, 2], [2, 3]])]).toEqual([0, 2 / 3, 2 / 3, 0]);
    const star = betweennessCentrality(5, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    expect(star[0]).toBeCloseTo(1);
    expect([...star.slice(1)]).toEqual([0, 0, 0, 0]);
  });

  it('equals graphology-metrics on random graphs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 120, selector: ([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`) })),
        ),
        ([n, rawEdges]) => {
          const edges = rawEdges.filter(([a, b]) => a !== b) as [number, number][];
          const graph = new UndirectedGraph();
          for (let i = 0; i < n; i++) graph.addNode(String(i));
          for (const [a, b] of edges) graph.mergeEdge(String(a), String(b));
          const expected = reference(graph, { normalized: true });
          const actual = betweennessCentrality(n, edges);
          for (let i = 0; i < n; i++) expect(actual[i]).toBeCloseTo(expected[String(i)]!, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
