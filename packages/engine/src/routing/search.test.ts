import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build.ts';
import { model, network, originAt, pointAt } from '../test/helpers.ts';

describe('two-nearest search on hand-built graphs', () => {
  it('respects one-way streets: the way back goes round', async () => {
    // 0 → 1 is one-way (60 s); from 1 to 0 one must drive 1 → 2 → 0 (100 + 200 s).
    const net = network(3, [
      { from: 0, to: 1, sec: 60, oneway: true },
      { from: 1, to: 2, sec: 100 },
      { from: 2, to: 0, sec: 200 },
    ]);
    const toZero = await model(net, [pointAt('p0', 0)], [originAt('o1', 1), originAt('o0', 0)]);
    const r = toZero.results('groceries');
    expect(r.sec[0]).toBe(300);
    expect(r.meters[0]).toBe(3000);
    expect(r.sec[1]).toBe(0);
    const toOne = await model(net, [pointAt('p1', 1)], [originAt('o0', 0)]);
    expect(toOne.results('groceries').sec[0]).toBe(60);
  });

  it('gives nearest and second-nearest of two sources', async () => {
    // A line 0 - 1 - 2 - 3 - 4, points at both ends.
    const net = network(
      5,
      [0, 1, 2, 3].map((i) => ({ from: i, to: i + 1, sec: 60 })),
    );
    const m = await model(net, [pointAt('west', 0), pointAt('east', 4)], [originAt('o1', 1), originAt('o3', 3)]);
    const r = m.results('groceries');
    expect(m.points[r.nearest[0]!]!.id).toBe('west');
    expect(r.sec[0]).toBe(60);
    expect(m.points[r.second[0]!]!.id).toBe('east');
    expect(r.sec2[0]).toBe(180);
    expect(m.points[r.nearest[1]!]!.id).toBe('east');
    expect(r.sec2[1]).toBe(180);
  });

  it('handles ties: both points equally far, both reported, distinct', async () => {
    const net = network(3, [
      { from: 0, to: 1, sec: 50 },
      { from: 1, to: 2, sec: 50 },
    ]);
    const m = await model(net, [pointAt('a', 0), pointAt('b', 2)], [originAt('mid', 1)]);
    const r = m.results('groceries');
    expect(r.sec[0]).toBe(50);
    expect(r.sec2[0]).toBe(50);
    expect(new Set([r.nearest[0], r.second[0]]).size).toBe(2);
  });

  it('two points at the same place are two distinct points', async () => {
    const net = network(2, [{ from: 0, to: 1, sec: 30 }]);
    const m = await model(net, [pointAt('a', 0), pointAt('b', 0)], [originAt('o', 1)]);
    const r = m.results('groceries');
    expect([r.sec[0], r.sec2[0]]).toEqual([30, 30]);
    expect(r.nearest[0]).not.toBe(r.second[0]);
  });

  it('reports unreachable explicitly and drops what is not strongly connected', async () => {
    // Main part 0-1-2; node 3 can be entered but not left (one-way 2 → 3): dropped from the graph.
    const net = network(4, [
      { from: 0, to: 1, sec: 10 },
      { from: 1, to: 2, sec: 10 },
      { from: 2, to: 3, sec: 10, oneway: true },
    ]);
    const g = buildGraph(net);
    expect(g.dropped.nodes).toBe(1);
    expect(g.dropped.bbox).not.toBeNull();
    // No fuel station at all: every origin is unreachable for fuel, but fine for groceries.
    const m = await model(net, [pointAt('shop', 0)], [originAt('o', 2)], ['groceries', 'fuel']);
    expect(m.results('fuel').status[0]).toBe(1);
    expect(m.results('fuel').nearest[0]).toBe(-1);
    expect(m.results('groceries').status[0]).toBe(0);
    expect(m.results('groceries').second[0]).toBe(-1);
    expect(m.results('groceries').sec2[0]).toBe(Infinity);
  });

  it('marks origins far from any road as no_road instead of linking them', async () => {
    const net = network(2, [{ from: 0, to: 1, sec: 30 }]);
    const m = await model(net, [pointAt('a', 0)], [{ id: 'far', lon: 16, lat: 61, population: 5 }]);
    expect(m.results('groceries').status[0]).toBe(2);
  });

  it('contracts degree-2 chains but keeps the same answers', async () => {
    const net = network(10, [
      ...Array.from({ length: 9 }, (_, i) => ({ from: i, to: i + 1, sec: 10 })),
      { from: 9, to: 0, sec: 500, oneway: true },
    ]);
    const g = buildGraph(net);
    expect(g.n).toBeLessThan(10);
    const m = await model(net, [pointAt('p', 0)], [originAt('o5', 5), originAt('o9', 9)]);
    const r = m.results('groceries');
    expect(r.sec[0]).toBe(50);
    expect(r.sec[1]).toBe(90);
  });
});

describe('scenarios on a hand-built graph', () => {
  it('move = close + open at the new place, mixed with an opening, and revert restores everything', async () => {
    const net = network(
      5,
      [0, 1, 2, 3].map((i) => ({ from: i, to: i + 1, sec: 60 })),
    );
    const m = await model(net, [pointAt('a', 0), pointAt('b', 4)], [originAt('o1', 1), originAt('o3', 3)]);
    const r = m.results('groceries');
    const before = [Array.from(r.sec), Array.from(r.sec2)];
    const out = m.applyScenario({
      move: [{ id: 'a', lon: pointAt('a', 2).lon, lat: pointAt('a', 2).lat }],
      open: [{ ...pointAt('c', 3), type: 'groceries' }],
    });
    // o1: a now at node 2 (60 s); second c at node 3 (120 s). o3: c on the spot (0 s), then a (60 s).
    expect([r.sec[0], r.sec2[0], r.sec[1], r.sec2[1]]).toEqual([60, 120, 0, 60]);
    expect(m.points[r.nearest[1]!]!.id).toBe('c');
    expect(out.changes.groceries!.map((c) => c.origin)).toEqual([0, 1]);
    expect(() => m.applyScenario({ close: ['nope'] })).toThrow(/no open point with id nope/);
    out.revert();
    expect([Array.from(r.sec), Array.from(r.sec2)]).toEqual(before);
    expect(m.points.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
