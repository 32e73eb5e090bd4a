import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOsm } from '../io/osm-file.ts';
import { mulberry } from '../test/helpers.ts';
import { haversine } from '../geo.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD } from '../graph/base.ts';
import { buildGraph } from '../graph/build.ts';
import { DEFAULT_PROFILE } from '../profile.ts';
import { AccessibilityModel } from './model.ts';
import { snapAll } from './snap.ts';

describe('snapping onto road segments', () => {
  // One straight 10 km road west–east at 60° N, driven at 60 km/h (600 s), with junction nodes only at its ends.
  const b = new BaseNetworkBuilder();
  const west = b.addNode(15, 60);
  const east = b.addNode(15 + 10_000 / haversine(15, 60, 16, 60), 60);
  const len = haversine(15, 60, b.lon.data[east]!, 60);
  b.addSegment(west, east, 600, len, DIR_FWD | DIR_BWD);
  const g = buildGraph(b.finish());
  const midLon = (15 + b.lon.data[east]!) / 2;
  const north100 = 60 + 100 / haversine(0, 0, 0, 1);

  it('snaps to the middle of a long segment, not to its far-away end nodes', () => {
    const s = snapAll(g, [midLon], [north100], 2000);
    expect(s.seg[0]).toBe(0);
    expect(s.t[0]).toBeCloseTo(0.5, 3);
    expect(s.meters[0]).toBeCloseTo(100, 0);
  });

  it('counts the leg to the road at the snap speed and the rest along the road', async () => {
    const m = await AccessibilityModel.create({
      graph: g,
      points: [{ id: 'shop', type: 'groceries', lon: 15, lat: 60 }],
      origins: [{ id: 'home', lon: midLon, lat: north100, population: 3 }],
      types: ['groceries'],
      profile: DEFAULT_PROFILE,
    });
    const r = m.results('groceries');
    const leg = m.snapMeters(0);
    expect(leg).toBeCloseTo(100, 0);
    // Half the road (300 s) + 100 m at 20 km/h (18 s).
    expect(r.sec[0]).toBeCloseTo(300 + (leg * 3.6) / DEFAULT_PROFILE.snap_kmh, 6);
    expect(r.meters[0]).toBeCloseTo(len / 2 + leg, 0);
  });

  it('reaches a point further along the same segment directly', async () => {
    const m = await AccessibilityModel.create({
      graph: g,
      points: [{ id: 'kiosk', type: 'fuel', lon: 15 + (midLon - 15) * 1.5, lat: 60 }],
      origins: [{ id: 'home', lon: midLon, lat: 60, population: 1 }],
      types: ['fuel'],
      profile: DEFAULT_PROFILE,
    });
    expect(m.results('fuel').sec[0]).toBeCloseTo(150, 3);
  });

  it('leaves places beyond max_snap_m unsnapped', () => {
    const s = snapAll(g, [midLon], [60 + 3000 / haversine(0, 0, 0, 1)], 2000);
    expect(s.seg[0]).toBe(-1);
  });
});

describe('snapping on a real network', () => {
  it('finds the same nearest segment as a brute-force scan', () => {
    const osm = loadOsm(fileURLToPath(new URL('../../test/fixtures/andorra.osm.pbf', import.meta.url)), DEFAULT_PROFILE);
    const g = buildGraph(osm.network);
    const rnd = mulberry(3);
    const lons = Array.from({ length: 400 }, () => 1.42 + rnd() * 0.35);
    const lats = Array.from({ length: 400 }, () => 42.43 + rnd() * 0.2);
    const s = snapAll(g, lons, lats, 2000);
    const kept: number[] = [];
    for (let k = 0; k < g.segA.length; k++) if (g.segCeF[k]! >= 0 || g.segCeB[k]! >= 0) kept.push(k);
    let snapped = 0;
    for (let i = 0; i < lons.length; i++) {
      // Brute force in the same local plane the index uses.
      const kx = Math.cos((lats[i]! * Math.PI) / 180);
      let best = Infinity;
      for (const k of kept) {
        const a = g.segA[k]!;
        const b = g.segB[k]!;
        const ax = (g.baseLon[a]! - lons[i]!) * kx;
        const ay = g.baseLat[a]! - lats[i]!;
        const dx = (g.baseLon[b]! - g.baseLon[a]!) * kx;
        const dy = g.baseLat[b]! - g.baseLat[a]!;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
        best = Math.min(best, (ax + t * dx) ** 2 + (ay + t * dy) ** 2);
      }
      const bestM = Math.sqrt(best) * 111_195;
      if (bestM > 1990) continue;
      snapped++;
      expect(s.seg[i]).toBeGreaterThanOrEqual(0);
      expect(s.meters[i]).toBeCloseTo(bestM, 0);
    }
    expect(snapped).toBeGreaterThan(200);
  });
});
