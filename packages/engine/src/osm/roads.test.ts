import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { haversine } from '../geo.ts';
import { loadRoads, readOsmFile } from '../io/osm-file.ts';
import { DEFAULT_PROFILE } from '../profile.ts';
import { roadClassOf, ROAD_CLASSES, type RoadClass } from './roads.ts';
import { simplifyLine } from './simplify.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

/** Metres from p to the segment a–b, on the same local plane as the simplification. */
function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const kx = Math.cos((a[1] * Math.PI) / 180);
  const [ax, ay, bx, by, px, py] = [a[0] * kx, a[1], b[0] * kx, b[1], p[0] * kx, p[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return haversine(p[0], p[1], (ax + t * dx) / kx, ay + t * dy);
}

/** The drivable ways of a real extract as unsimplified lines, with their highway tag. */
function rawLines(file: string): { highway: string; line: [number, number][] }[] {
  const nodes = new Map<number, [number, number]>();
  const out: { highway: string; line: [number, number][] }[] = [];
  readOsmFile(fixture(file), {
    node: (id, lon, lat) => void nodes.set(id, [lon, lat]),
    way: (_id, refs, tags) => {
      if (!roadClassOf(tags, DEFAULT_PROFILE)) return;
      const line = refs.map((r) => nodes.get(r)).filter((p): p is [number, number] => p !== undefined);
      if (line.length >= 2) out.push({ highway: tags.highway!, line });
    },
  });
  return out;
}

describe('road classes', () => {
  it('groups drivable highways into display classes and leaves the rest out', () => {
    const cls = (tags: Record<string, string>) => roadClassOf(tags, DEFAULT_PROFILE);
    expect(cls({ highway: 'motorway' })).toBe('major');
    expect(cls({ highway: 'trunk_link' })).toBe('major');
    expect(cls({ highway: 'primary' })).toBe('primary');
    expect(cls({ highway: 'secondary' })).toBe('secondary');
    expect(cls({ highway: 'tertiary' })).toBe('secondary');
    expect(cls({ highway: 'residential' })).toBe('minor');
    expect(cls({ highway: 'unclassified' })).toBe('minor');
    expect(cls({ highway: 'service' })).toBe('minor');
    expect(cls({ highway: 'service', service: 'parking_aisle' })).toBeNull();
    expect(cls({ highway: 'service', service: 'driveway' })).toBeNull();
    expect(cls({ highway: 'track' })).toBeNull();
    expect(cls({ highway: 'footway' })).toBeNull();
    expect(cls({ highway: 'residential', access: 'private' })).toBeNull();
    expect(cls({ route: 'ferry' })).toBeNull();
  });
});

describe('road geometry from real OpenStreetMap extracts', () => {
  it("draws Andorra's roads by class, as many lines per class as the extract has such ways", () => {
    const { roads, stats } = loadRoads(fixture('andorra.osm.pbf'), DEFAULT_PROFILE);
    const raw = rawLines('andorra.osm.pbf');
    const expected: Record<string, number> = {};
    for (const r of raw) {
      const c = roadClassOf({ highway: r.highway }, DEFAULT_PROFILE)!;
      expected[c] = (expected[c] ?? 0) + 1;
    }
    // Andorra has no motorway or trunk: its main roads (CG-1 … CG-6) are primary.
    expect(roads.features.map((f) => f.properties.class)).toEqual(['minor', 'secondary', 'primary']);
    expect(expected).toMatchObject({ primary: 324, secondary: 154 });
    for (const f of roads.features) {
      expect(ROAD_CLASSES).toContain(f.properties.class);
      expect(f.geometry.type).toBe('MultiLineString');
      // Every way is one line (none is cut by a missing node in this extract); tiny closed loops may collapse.
      expect(f.geometry.coordinates.length).toBeLessThanOrEqual(expected[f.properties.class]!);
      expect(f.geometry.coordinates.length).toBeGreaterThan(expected[f.properties.class]! * 0.98);
      for (const line of f.geometry.coordinates) {
        expect(line.length).toBeGreaterThanOrEqual(2);
        for (const [lon, lat] of line) {
          expect(lon).toBeGreaterThan(1.4);
          expect(lon).toBeLessThan(1.8);
          expect(lat).toBeGreaterThan(42.4);
          expect(lat).toBeLessThan(42.7);
          expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
        }
      }
    }
    expect(stats.pointsIn).toBe(raw.reduce((s, r) => s + r.line.length, 0));
    // Simplified to well under half the positions; the GeoJSON of a small country stays about 100 kB.
    expect(stats.pointsOut).toBeLessThan(stats.pointsIn * 0.4);
    expect(JSON.stringify(roads).length).toBeLessThan(150_000);
  });

  it("simplification keeps each road's endpoints, drops points, and strays at most the tolerance (Monaco)", () => {
    const raw = rawLines('monaco.osm.pbf');
    expect(raw.length).toBeGreaterThan(400);
    let before = 0;
    let after = 0;
    for (const { line } of raw) {
      const simple = simplifyLine(line, 10);
      expect(simple[0]).toEqual(line[0]);
      expect(simple[simple.length - 1]).toEqual(line[line.length - 1]);
      // Kept positions are the road's own, in order.
      let at = 0;
      for (const p of simple) {
        while (at < line.length && (line[at]![0] !== p[0] || line[at]![1] !== p[1])) at++;
        expect(at).toBeLessThan(line.length);
      }
      // Every dropped position lies within 10 m of the simplified line.
      for (const p of line) {
        let best = Infinity;
        for (let i = 1; i < simple.length; i++) best = Math.min(best, distanceToSegment(p, simple[i - 1]!, simple[i]!));
        if (simple.length === 1) best = 0;
        expect(best).toBeLessThan(10.1);
      }
      before += line.length;
      after += simple.length;
    }
    expect(after).toBeLessThan(before * 0.5);
    // A tolerance of zero keeps every corner: only collinear points could go.
    const withCorners = raw.find((r) => r.line.length > 10)!.line;
    expect(simplifyLine(withCorners, 0).length).toBeGreaterThan(simplifyLine(withCorners, 10).length);
  });

  it('is the same for the same file (the stored roads change only on re-import)', () => {
    const a = loadRoads(fixture('monaco.osm.pbf'), DEFAULT_PROFILE);
    const b = loadRoads(fixture('monaco.osm.pbf'), DEFAULT_PROFILE);
    expect(JSON.stringify(a.roads)).toBe(JSON.stringify(b.roads));
    const classes = new Set<RoadClass>(a.roads.features.map((f) => f.properties.class));
    expect([...classes]).toEqual(['minor', 'secondary', 'primary']);
  });
});
