import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build.ts';
import { resultCsv, RESULT_CSV_HEADER } from '../io/result-csv.ts';
import { DEFAULT_PROFILE } from '../profile.ts';
import { mulberry, network, originAt, pointAt, type TestEdge } from '../test/helpers.ts';
import { analyse, analysisFacts, applyScenario, resultTable } from './pipeline.ts';
import { packResults, unpackResults } from '../io/results-file.ts';
import { decodeResults, encodeResults, NONE, quantize, secondsOf } from './result-table.ts';
import { STATUS } from './results.ts';
import type { ServiceType } from '../osm/services.ts';

/** A random connected grid-ish network with shops, fuel and origins, some off the road. */
function randomCase(seed: number) {
  const rnd = mulberry(seed);
  const n = 40;
  const edges: TestEdge[] = [];
  for (let i = 1; i < n; i++) edges.push({ from: i - 1, to: i, sec: 30 + Math.floor(rnd() * 300), oneway: rnd() < 0.1 });
  for (let k = 0; k < 30; k++) edges.push({ from: Math.floor(rnd() * n), to: Math.floor(rnd() * n), sec: 10 + Math.floor(rnd() * 500) });
  edges.push({ from: n - 1, to: 0, sec: 100 });
  const points = [
    ...Array.from({ length: 5 }, (_, i) => pointAt(`shop,"${i}"`, Math.floor(rnd() * n), 'groceries')),
    ...Array.from({ length: 3 }, (_, i) => pointAt(`fuel-${i}`, Math.floor(rnd() * n), 'fuel')),
  ];
  const origins = Array.from({ length: 25 }, (_, i) => originAt(`o${i}`, Math.floor(rnd() * n), 1 + Math.floor(rnd() * 50)));
  origins.push({ id: 'far away', lon: 25, lat: 68, population: 3 });
  return { net: network(n, edges), points, origins, types: ['groceries', 'fuel'] as ServiceType[] };
}

describe('the analysis pipeline', () => {
  it('rounds as result.csv always has (toFixed), also right at the halves', () => {
    const rnd = mulberry(9);
    const xs = [0, 0.05, 0.15, 1.45, 2.5, 1234.25, 1e6 + 0.05, 0.49999999999999994];
    for (let i = 0; i < 20000; i++) xs.push(rnd() * 10 ** Math.floor(rnd() * 7), Math.round(rnd() * 1e6) / 10 + 0.05, Math.floor(rnd() * 1e5) + 0.5);
    for (const x of xs) {
      expect(quantize(x, 10) / 10, String(x)).toBe(Number(x.toFixed(1)));
      expect(quantize(x, 1), String(x)).toBe(Number(x.toFixed(0)));
    }
    expect(quantize(Infinity, 10)).toBe(NONE);
    expect(quantize(NaN, 1)).toBe(NONE);
  });

  it('stores results as a binary table that gives back exactly the model’s results, rounded as result.csv states them', async () => {
    for (const seed of [1, 2, 3]) {
      const c = randomCase(seed);
      const a = await analyse({ graph: buildGraph(c.net), points: c.points, origins: c.origins, types: c.types, profile: DEFAULT_PROFILE, threads: 1 });
      const table = resultTable(a);
      const bytes = encodeResults(table);
      const back = decodeResults(bytes.slice());
      expect(back.originIds).toEqual(c.origins.map((o) => o.id));
      expect(back.types).toEqual(c.types);
      for (const t of c.types) {
        const r = a.model.results(t);
        const col = back.byType[t]!;
        for (let o = 0; o < c.origins.length; o++) {
          expect(col.nearest[o]! >= 0 ? back.pointIds[col.nearest[o]!] : null).toBe(r.nearest[o]! >= 0 ? a.model.points[r.nearest[o]!]!.id : null);
          expect(col.second[o]! >= 0 ? back.pointIds[col.second[o]!] : null).toBe(r.second[o]! >= 0 ? a.model.points[r.second[o]!]!.id : null);
          expect(secondsOf(col.ds[o]!)).toBe(Number.isFinite(r.sec[o]!) ? Math.round(r.sec[o]! * 10) / 10 : null);
          expect(col.meters2[o]).toBe(Number.isFinite(r.meters2[o]!) ? Math.round(r.meters2[o]!) : NONE);
          expect(STATUS[col.status[o]!]).toBe(STATUS[r.status[o]!]);
        }
      }
      // The far origin is off every road; the CSV says so with empty values.
      const csv = resultCsv(back);
      expect(csv.startsWith(RESULT_CSV_HEADER)).toBe(true);
      expect(csv).toContain('far away,groceries,,,,,,,,no_road\n');
      expect(csv).toContain('"shop,""');
      expect(csv.trim().split('\n')).toHaveLength(1 + c.origins.length * c.types.length);
      expect(resultCsv(table)).toBe(csv);
      // Packed for storage (byte planes, deflated): the same table, in less space.
      const packed = packResults(table);
      expect(packed.length).toBeLessThan(bytes.length);
      expect(resultCsv(unpackResults(packed))).toBe(csv);
      expect(resultCsv(unpackResults(bytes))).toBe(csv);
      expect(decodeResults(encodeResults(table, { planes: true }))).toEqual(back);
    }
  });

  it('refuses bytes that are not a result table, or a truncated or inconsistent one', async () => {
    const c = randomCase(4);
    const a = await analyse({ graph: buildGraph(c.net), points: c.points, origins: c.origins, types: c.types, profile: DEFAULT_PROFILE, threads: 1 });
    const bytes = encodeResults(resultTable(a));
    expect(() => decodeResults(new TextEncoder().encode('origin_id,type\n'))).toThrow(/not a Samhandling result table/);
    expect(() => decodeResults(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    const packed = packResults(resultTable(a));
    expect(() => unpackResults(packed.subarray(0, packed.length - 20))).toThrow(/truncated/);
    expect(() => unpackResults(new TextEncoder().encode('SAMRESZ9xxxxxxxx'))).toThrow(/not a Samhandling result table/);
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(8, 99, true);
    expect(() => decodeResults(wrongVersion)).toThrow(/version 99/);
    const badPoint = decodeResults(bytes.slice());
    badPoint.byType.groceries!.nearest[0] = badPoint.pointIds.length;
    expect(() => decodeResults(encodeResults(badPoint))).toThrow(/refers to no point/);
  });

  it('applies a scenario, re-aggregates only what changed, and reverts to exactly the analysis', async () => {
    const c = randomCase(5);
    const a = await analyse({ graph: buildGraph(c.net), points: c.points, origins: c.origins, types: c.types, profile: DEFAULT_PROFILE, threads: 1 });
    const before = resultCsv(resultTable(a));
    const busiest = a.model.results('groceries').nearest[0]!;
    const shop = a.model.points[busiest]!.id;
    const run = applyScenario(a, { close: [shop] });
    expect(run.changed.length).toBeGreaterThan(0);
    // Only groceries change: those who had the shop as nearest (or second) get another.
    expect(run.changed.every((x) => x.type === 'groceries' && x.after.nearestId !== shop)).toBe(true);
    expect(run.changed.some((x) => x.before.nearestId === shop)).toBe(true);
    expect(run.after.fuel).toBe(a.aggregates.fuel);
    // The scenario's aggregates are those of a fresh analysis without the shop.
    const fresh = await analyse({ graph: buildGraph(c.net), points: c.points.filter((p) => p.id !== shop), origins: c.origins, types: c.types, profile: DEFAULT_PROFILE, threads: 1 });
    expect(run.after.groceries).toEqual(fresh.aggregates.groceries);
    run.revert();
    expect(resultCsv(resultTable(a))).toBe(before);
    expect(analysisFacts(a)).toMatchObject({ mode: 'road', origins: c.origins.length, points: { groceries: 5, fuel: 3 } });
  });
});
