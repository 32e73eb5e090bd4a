import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BaseNetwork } from '../graph/base.ts';
import { DIR_BWD, DIR_FWD } from '../graph/base.ts';
import { model, network, originAt, pointAt, type TestEdge } from '../test/helpers.ts';

/** Textbook single-pair Dijkstra on the uncontracted network (array scan: tiny graphs). */
function naive(net: BaseNetwork, from: number, to: number): number {
  const n = net.lon.length;
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) return Infinity;
    if (u === to) return dist[u]!;
    done[u] = true;
    for (let s = 0; s < net.segA.length; s++) {
      const a = net.segA[s]!;
      const b = net.segB[s]!;
      if (a === u && net.segDir[s]! & DIR_FWD) dist[b] = Math.min(dist[b]!, dist[u]! + net.segSec[s]!);
      if (b === u && net.segDir[s]! & DIR_BWD) dist[a] = Math.min(dist[a]!, dist[u]! + net.segSec[s]!);
    }
  }
}

/** Random strongly connected network: a one-way ring through all nodes plus random extra roads. */
const arbNet = fc.integer({ min: 3, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    extra: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), sec: fc.integer({ min: 1, max: 100 }), oneway: fc.boolean() }), {
      maxLength: 2 * n,
    }),
    ring: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
    points: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 6 }),
    origins: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 8 }),
    close: fc.nat(),
    open: fc.nat(n - 1),
  }),
);

describe('property: multi-source result equals naive single-pair Dijkstra to every point', () => {
  it('nearest and second-nearest, and a closure equals recomputing without the point', async () => {
    await fc.assert(
      fc.asyncProperty(arbNet, async ({ n, extra, ring, points, origins, close, open }) => {
        const edges: TestEdge[] = ring.map((sec, i) => ({ from: i, to: (i + 1) % n, sec, oneway: true }));
        for (const e of extra) if (e.from !== e.to) edges.push(e);
        const net = network(n, edges);
        const pts = points.map((node, i) => pointAt(`p${i}`, node));
        const ors = origins.map((node, i) => originAt(`o${i}`, node));
        const m = await model(net, pts, ors);
        const check = (live: number[]): void => {
          const r = m.results('groceries');
          origins.forEach((oNode, o) => {
            const d = live.map((p) => naive(net, oNode, points[p]!)).sort((a, b) => a - b);
            expect(r.sec[o]).toBe(d[0]);
            expect(r.meters[o]).toBe(d[0]! * 10);
            const near = r.nearest[o]!;
            expect(naive(net, oNode, points[near]!)).toBe(d[0]);
            if (live.length > 1) {
              expect(r.sec2[o]).toBe(d[1]);
              expect(r.meters2[o]).toBe(d[1]! * 10);
              expect(r.second[o]).not.toBe(near);
              expect(naive(net, oNode, points[r.second[o]!]!)).toBe(d[1]);
            } else expect(r.second[o]).toBe(-1);
          });
        };
        const all = points.map((_, i) => i);
        check(all);
        if (points.length > 1) {
          const c = close % points.length;
          const outcome = m.applyScenario({ close: [`p${c}`] });
          check(all.filter((i) => i !== c));
          outcome.revert();
          check(all);
        }
        // Opening a point equals recomputing with it.
        points.push(open);
        m.applyScenario({ open: [{ ...pointAt(`p${points.length - 1}`, open), type: 'groceries' }] });
        check(points.map((_, i) => i));
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
