import { resultTableOf } from '../analysis/result-table.ts';
import { resultCsv } from '../io/result-csv.ts';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, travelTimeOrder, updateTravelTimeOrder } from '../analysis/aggregate.ts';
import { AccessibilityModel } from '../analysis/model.ts';
import type { Origin } from '../analysis/points.ts';
import { buildGraph } from '../graph/build.ts';
import { buildCch } from '../routing/cch.ts';
import type { RoutingGraph } from '../graph/graph.ts';
import { loadOsm, readOsmFile } from '../io/osm-file.ts';
import { DEFAULT_PROFILE, mergeProfile } from '../profile.ts';
import { carWayRule, parseDuration, parseMaxspeed } from './car.ts';
import type { OsmExtract } from './network.ts';
import { SERVICE_TYPES, serviceTypesOf } from './services.ts';
import type { Tags } from './types.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

describe('car profile', () => {
  it('decides drivability, direction and speed', () => {
    const p = DEFAULT_PROFILE;
    expect(carWayRule({ highway: 'footway' }, p)).toBeNull();
    expect(carWayRule({ highway: 'residential', access: 'private' }, p)).toBeNull();
    expect(carWayRule({ highway: 'residential', motor_vehicle: 'no' }, p)).toBeNull();
    expect(carWayRule({ highway: 'residential', access: 'no', motorcar: 'yes' }, p)).not.toBeNull();
    expect(carWayRule({ highway: 'primary', oneway: '-1' }, p)).toMatchObject({ forward: false, backward: true, kmh: 80 });
    expect(carWayRule({ highway: 'primary', junction: 'roundabout' }, p)).toMatchObject({ forward: true, backward: false });
    expect(carWayRule({ highway: 'primary', maxspeed: '30 mph' }, p)!.kmh).toBeCloseTo(48.28, 2);
    expect(carWayRule({ highway: 'primary', maxspeed: '30 mph' }, mergeProfile({ use_maxspeed: false }))!.kmh).toBe(80);
    expect(carWayRule({ route: 'ferry', duration: '00:30' }, p)).toMatchObject({ ferry: true, durationSec: 1800 });
    expect(carWayRule({ route: 'ferry' }, mergeProfile({ ferry_kmh: null }))).toBeNull();
    expect(parseMaxspeed('SE:rural')).toBe(70);
    expect(parseMaxspeed('none')).toBeNull();
    expect(parseDuration('1:05:30')).toBe(3930);
    expect(parseDuration('45')).toBe(2700);
  });

  it('maps tags to service types', () => {
    const t = (x: Tags) => serviceTypesOf(x);
    expect(t({ shop: 'supermarket', post_office: 'post_partner' })).toEqual(['groceries', 'post']);
    expect(t({ amenity: 'atm' })).toEqual(['payment']);
    expect(t({ shop: 'convenience', cash_withdrawal: 'yes' })).toEqual(['groceries', 'payment']);
    expect(t({ amenity: 'parcel_locker' })).toEqual(['post']);
    expect(t({ shop: 'bakery' })).toEqual([]);
  });
});

const FERRY_OSM = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="1" lat="59.0" lon="18.0"/>
  <node id="2" lat="59.0" lon="18.01"/>
  <node id="3" lat="59.05" lon="18.01"/>
  <node id="4" lat="59.05" lon="18.0"><tag k="shop" v="supermarket"/><tag k="name" v="Ö-handeln &amp; café"/></node>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
  <way id="11"><nd ref="2"/><nd ref="3"/><tag k="route" v="ferry"/><tag k="duration" v="00:20"/></way>
  <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
</osm>`;

describe('OSM XML and ferries', () => {
  it('reads .osm and .osm.gz and times a ferry by its duration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-osm-'));
    writeFileSync(join(dir, 'island.osm'), FERRY_OSM);
    writeFileSync(join(dir, 'island.osm.gz'), gzipSync(FERRY_OSM));
    for (const f of ['island.osm', 'island.osm.gz']) {
      const x = loadOsm(join(dir, f), DEFAULT_PROFILE);
      expect(x.stats.ferryWays).toBe(1);
      expect(x.points).toEqual([{ id: 'n4', type: 'groceries', lon: 18.0, lat: 59.05, name: 'Ö-handeln & café' }]);
      const g = buildGraph(x.network);
      const m = await AccessibilityModel.create({
        graph: g,
        points: x.points,
        origins: [{ id: 'home', lon: 18.0, lat: 59.0, population: 1 }],
        types: ['groceries'],
        profile: DEFAULT_PROFILE,
      });
      const r = m.results('groceries');
      const road = (x.network.segMeters[0]! + x.network.segMeters[2]!) * (3.6 / 40);
      expect(r.sec[0]).toBeCloseTo(road + 1200, 6);
    }
    // Without ferries the island is dropped from the network (not strongly connected to the mainland).
    const noFerry = buildGraph(loadOsm(join(dir, 'island.osm'), mergeProfile({ ferry_kmh: null })).network);
    expect(noFerry.dropped.nodes).toBe(2);
  });
});

describe('real OSM extracts (andorra, monaco)', () => {
  let andorra: OsmExtract;
  let graph: RoutingGraph;
  beforeAll(() => {
    andorra = loadOsm(fixture('andorra.osm.pbf'), DEFAULT_PROFILE);
    graph = buildGraph(andorra.network);
  });

  it('finds the service points the tag mapping promises', () => {
    const tagged: Record<string, number> = {};
    readOsmFile(fixture('andorra.osm.pbf'), {
      node(_id, _lon, _lat, tags) {
        if (!tags) return;
        for (const k of ['amenity', 'shop']) if (tags[k]) tagged[`${k}=${tags[k]}`] = (tagged[`${k}=${tags[k]}`] ?? 0) + 1;
      },
      way(_id, _refs, tags) {
        for (const k of ['amenity', 'shop']) if (tags[k]) tagged[`${k}=${tags[k]}`] = (tagged[`${k}=${tags[k]}`] ?? 0) + 1;
      },
    });
    // The counts the data notes give for this extract.
    expect(tagged['amenity=fuel']).toBe(19);
    expect(tagged['shop=supermarket']).toBe(15);
    expect(tagged['amenity=pharmacy']).toBe(3);
    expect(tagged['amenity=post_office']).toBe(1);
    expect(tagged['amenity=atm']).toBe(6);
    const count = (x: OsmExtract) => Object.fromEntries(SERVICE_TYPES.map((t) => [t, x.points.filter((p) => p.type === t).length]));
    // groceries = 15 supermarkets + 2 convenience shops; payment = 6 ATMs + 5 banks.
    expect(count(andorra)).toEqual({ groceries: 17, fuel: 19, pharmacy: 3, post: 1, payment: 11 });
    expect(count(loadOsm(fixture('monaco.osm.pbf'), DEFAULT_PROFILE))).toEqual({
      groceries: 6,
      fuel: 5,
      pharmacy: 6,
      post: 5,
      payment: 14,
    });
  });

  it('builds a contracted, strongly connected graph', () => {
    expect(andorra.network.lon.length).toBe(21006);
    expect(graph.n).toBeLessThan(andorra.network.lon.length / 5);
    expect(graph.dropped.nodes).toBeGreaterThan(0);
    for (let v = 0; v < graph.n; v++) expect(graph.firstOut[v + 1]! - graph.firstOut[v]!).toBeGreaterThan(0);
  });

  it('the hierarchy (CCH + PHAST sweeps) gives the same results as the plain search', async () => {
    const origins: Origin[] = Array.from({ length: 400 }, (_, i) => ({
      id: `o${i}`,
      lon: 1.43 + (i % 20) * 0.016,
      lat: 42.44 + Math.floor(i / 20) * 0.009,
      population: 1,
    }));
    const withCh: RoutingGraph = { ...graph, ch: buildCch(graph).ch };
    const a = await AccessibilityModel.create({ graph, points: andorra.points, origins, types: SERVICE_TYPES, profile: DEFAULT_PROFILE });
    // Two threads: the sweeps run in the worker pool.
    const b = await AccessibilityModel.create({
      graph: withCh,
      points: andorra.points,
      origins,
      types: SERVICE_TYPES,
      profile: DEFAULT_PROFILE,
      threads: 2,
      minWorkerGraph: 0,
    });
    for (const t of SERVICE_TYPES) {
      const ra = a.results(t);
      const rb = b.results(t);
      for (let o = 0; o < origins.length; o++) {
        expect(rb.status[o]).toBe(ra.status[o]);
        expect(rb.sec[o]).toBeCloseTo(ra.sec[o]!, 6);
        expect(rb.sec2[o]).toBeCloseTo(ra.sec2[o]!, 6);
        expect(rb.meters[o]).toBeCloseTo(ra.meters[o]!, 3);
      }
    }
    // A scenario on top of hierarchy-computed labels repairs them like any others.
    const id = b.points[b.results('fuel').nearest[0]!]!.id;
    const out = b.applyScenario({ close: [id] });
    const without = await AccessibilityModel.create({
      graph: withCh,
      points: andorra.points.filter((p) => !(p.type === 'fuel' && p.id === id)),
      origins,
      types: ['fuel'],
      profile: DEFAULT_PROFILE,
    });
    expect(out.changes.fuel!.length).toBeGreaterThan(0);
    for (let o = 0; o < origins.length; o++) expect(b.results('fuel').sec2[o]).toBeCloseTo(without.results('fuel').sec2[o]!, 6);
  });

  it('a closure scenario equals a full recomputation without that point', async () => {
    const origins: Origin[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 25; j++)
        origins.push({ id: `o${i}-${j}`, lon: 1.42 + i * 0.0085, lat: 42.43 + j * 0.008, population: 1 + ((i * 7 + j) % 13) });
    const full = await AccessibilityModel.create({
      graph,
      points: andorra.points,
      origins,
      types: SERVICE_TYPES,
      profile: DEFAULT_PROFILE,
    });
    for (const type of ['fuel', 'groceries', 'pharmacy'] as const) {
      // Close the point that is nearest for the most origins.
      const r = full.results(type);
      const counts = new Map<number, number>();
      for (let o = 0; o < origins.length; o++) if (r.nearest[o]! >= 0) counts.set(r.nearest[o]!, (counts.get(r.nearest[o]!) ?? 0) + 1);
      const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      const closedId = full.points[busiest]!.id;
      const order = travelTimeOrder(full.results(type));
      const outcome = full.applyScenario({ close: [closedId] });
      expect(outcome.changes[type]!.length).toBeGreaterThan(0);
      // Aggregates from the merged order equal those from a full re-sort.
      const merged = updateTravelTimeOrder(
        order,
        full.results(type),
        outcome.changes[type]!.map((c) => c.origin),
      );
      expect(aggregate(full.results(type), origins, {}, merged)).toEqual(aggregate(full.results(type), origins));
      const without = await AccessibilityModel.create({
        graph,
        points: andorra.points.filter((p) => !(p.type === type && p.id === closedId)),
        origins,
        types: [type],
        profile: DEFAULT_PROFILE,
      });
      const a = full.results(type);
      const b = without.results(type);
      for (let o = 0; o < origins.length; o++) {
        expect(a.status[o]).toBe(b.status[o]);
        expect(a.sec[o]).toBeCloseTo(b.sec[o]!, 6);
        expect(a.sec2[o]).toBeCloseTo(b.sec2[o]!, 6);
        expect(a.meters[o]).toBeCloseTo(b.meters[o]!, 3);
        if (a.nearest[o]! >= 0) expect(full.points[a.nearest[o]!]!.id).toBe(without.points[b.nearest[o]!]!.id);
      }
      outcome.revert();
    }
  });

  it('worker threads give the same answers as one thread', async () => {
    const origins: Origin[] = Array.from({ length: 300 }, (_, i) => ({
      id: `o${i}`,
      lon: 1.45 + (i % 20) * 0.012,
      lat: 42.46 + Math.floor(i / 20) * 0.01,
      population: 1,
    }));
    const one = await AccessibilityModel.create({
      graph,
      points: andorra.points,
      origins,
      types: SERVICE_TYPES,
      profile: DEFAULT_PROFILE,
      threads: 1,
    });
    const two = await AccessibilityModel.create({
      graph,
      points: andorra.points,
      origins,
      types: SERVICE_TYPES,
      profile: DEFAULT_PROFILE,
      threads: 2,
      minWorkerGraph: 0,
    });
    // Two analyses at once share the kept workers without mixing their replies.
    const [c1, c2] = await Promise.all(
      [andorra.points, andorra.points.slice(1)].map((points) =>
        AccessibilityModel.create({
          graph,
          points,
          origins,
          types: SERVICE_TYPES,
          profile: DEFAULT_PROFILE,
          threads: 2,
          minWorkerGraph: 0,
        }),
      ),
    );
    const c2ref = await AccessibilityModel.create({
      graph,
      points: andorra.points.slice(1),
      origins,
      types: SERVICE_TYPES,
      profile: DEFAULT_PROFILE,
    });
    for (const t of SERVICE_TYPES) {
      expect(Array.from(c1!.results(t).sec)).toEqual(Array.from(one.results(t).sec));
      expect(Array.from(c2!.results(t).sec)).toEqual(Array.from(c2ref.results(t).sec));
      expect(Array.from(two.results(t).sec)).toEqual(Array.from(one.results(t).sec));
      expect(Array.from(two.results(t).second)).toEqual(Array.from(one.results(t).second));
    }
    // Every column of the result file too (snapping happens while the workers search).
    expect(resultCsv(resultTableOf(two))).toBe(resultCsv(resultTableOf(one)));
  });
});
