import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build.ts';
import { network, type TestEdge } from '../test/helpers.ts';
import { buildContractionHierarchy, phastTwoNearest } from './ch.ts';
import { buildCch } from './cch.ts';
import { twoNearest } from './compute.ts';

describe('contraction hierarchy + PHAST sweeps', () => {
  it('give the same two nearest sources as the plain search on random graphs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            ring: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n, maxLength: n }),
            extra: fc.array(
              fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), sec: fc.integer({ min: 1, max: 50 }), oneway: fc.boolean() }),
              { maxLength: 3 * n },
            ),
            sources: fc.array(fc.record({ node: fc.nat(), sec: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 8 }),
            coreDegree: fc.constantFrom(2, 4, 100),
          }),
        ),
        ({ n, ring, extra, sources, coreDegree }) => {
          const edges: TestEdge[] = ring.map((sec, i) => ({ from: i, to: (i + 1) % n, sec, oneway: true }));
          for (const e of extra) if (e.from !== e.to) edges.push(e);
          const g = buildGraph(network(n, edges));
          const seeds = {
            node: Int32Array.from(sources, (s) => s.node % g.n),
            src: Int32Array.from(sources, (_, i) => i),
            sec: Float64Array.from(sources, (s) => s.sec),
            m: Float64Array.from(sources, (s) => s.sec * 10),
          };
          const b = twoNearest(g, seeds);
          for (const ch of [buildContractionHierarchy(g, { coreDegree }).ch, buildCch(g, { leafSize: 2 }).ch, buildCch(g).ch]) {
            const a = phastTwoNearest(ch, seeds);
            expect(Array.from(a.sec0)).toEqual(Array.from(b.sec0));
            expect(Array.from(a.sec1)).toEqual(Array.from(b.sec1));
            expect(Array.from(a.m0)).toEqual(Array.from(b.m0));
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
