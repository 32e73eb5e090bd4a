import { haversine } from '../geo.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, F64Vec, I32Vec, type BaseNetwork } from '../graph/base.ts';
import { NodeCoordinates } from './node-coordinates.ts';
import type { Profile } from '../profile.ts';
import type { ServicePoint } from '../analysis/points.ts';
import { carWayRule } from './car.ts';
import { serviceTypesOf, type ServiceType } from './services.ts';
import type { OsmHandler, Tags } from './types.ts';

export interface OsmExtract {
  network: BaseNetwork;
  /** Service points found through the tag mapping (nodes, and centroids of tagged ways/areas). */
  points: ServicePoint[];
  stats: { nodes: number; ways: number; drivableWays: number; ferryWays: number; missingNodeRefs: number };
}

/**
 * Collects drivable ways and service points while an OSM file streams past, then builds the base
 * network. All node coordinates are kept in sorted typed arrays (ids are sorted in normal extracts;
 * otherwise we sort once), which is compact enough for regional extracts.
 */
export class OsmCollector implements OsmHandler {
  private readonly nodes = new NodeCoordinates();
  private readonly wayRefs = new F64Vec(1 << 16);
  private readonly wayStart = new I32Vec();
  private readonly wayDir = new I32Vec();
  private readonly wayKmh = new F64Vec();
  private readonly wayDuration = new F64Vec();
  private readonly poiNodes: { id: number; lon: number; lat: number; types: ServiceType[]; name?: string }[] = [];
  private readonly poiWays: { id: number; refs: number[]; types: ServiceType[]; name?: string }[] = [];
  private wayCount = 0;
  private ferryCount = 0;

  constructor(private readonly profile: Profile) {
    this.wayStart.push(0);
  }

  node(id: number, lon: number, lat: number, tags: Tags | null): void {
    this.nodes.add(id, lon, lat);
    if (tags) {
      const types = serviceTypesOf(tags);
      if (types.length) this.poiNodes.push({ id, lon, lat, types, ...(tags.name ? { name: tags.name } : {}) });
    }
  }

  way(id: number, refs: readonly number[], tags: Tags): void {
    this.wayCount++;
    const types = serviceTypesOf(tags);
    if (types.length) this.poiWays.push({ id, refs: [...refs], types, ...(tags.name ? { name: tags.name } : {}) });
    const rule = carWayRule(tags, this.profile);
    if (!rule || refs.length < 2 || (!rule.forward && !rule.backward)) return;
    if (rule.ferry) this.ferryCount++;
    for (const r of refs) this.wayRefs.push(r);
    this.wayStart.push(this.wayRefs.length);
    this.wayDir.push((rule.forward ? DIR_FWD : 0) | (rule.backward ? DIR_BWD : 0));
    this.wayKmh.push(rule.kmh);
    this.wayDuration.push(rule.durationSec ?? -1);
  }

  finish(): OsmExtract {
    const { size, lons, lats, find, centroid } = this.nodes.index();

    const b = new BaseNetworkBuilder();
    const baseOf = new Int32Array(size).fill(-1);
    let missing = 0;
    const nWays = this.wayDir.length;
    const refsAll = this.wayRefs.data;
    const starts = this.wayStart.data;
    const idx: number[] = [];
    for (let w = 0; w < nWays; w++) {
      idx.length = 0;
      for (let k = starts[w]!; k < starts[w + 1]!; k++) {
        const i = find(refsAll[k]!);
        if (i < 0) missing++;
        else if (idx.length === 0 || idx[idx.length - 1] !== i) idx.push(i);
      }
      if (idx.length < 2) continue;
      const dir = this.wayDir.data[w]!;
      const spm = 3.6 / this.wayKmh.data[w]!;
      const duration = this.wayDuration.data[w]!;
      let total = 0;
      if (duration >= 0)
        for (let j = 1; j < idx.length; j++) total += haversine(lons[idx[j - 1]!]!, lats[idx[j - 1]!]!, lons[idx[j]!]!, lats[idx[j]!]!);
      for (let j = 1; j < idx.length; j++) {
        const p = idx[j - 1]!;
        const q = idx[j]!;
        for (const i of [p, q]) if (baseOf[i] === -1) baseOf[i] = b.addNode(lons[i]!, lats[i]!);
        const m = haversine(lons[p]!, lats[p]!, lons[q]!, lats[q]!);
        const sec = duration >= 0 ? (total > 0 ? (duration * m) / total : 0) : m * spm;
        b.addSegment(baseOf[p]!, baseOf[q]!, sec, m, dir);
      }
    }

    const points: ServicePoint[] = [];
    for (const p of this.poiNodes) {
      for (const type of p.types) points.push({ id: `n${p.id}`, type, lon: p.lon, lat: p.lat, ...(p.name ? { name: p.name } : {}) });
    }
    for (const w of this.poiWays) {
      // Centroid of the way's distinct vertices: good enough to snap a shop to its street.
      const c = centroid(w.refs);
      if (!c) continue;
      for (const type of w.types) {
        points.push({ id: `w${w.id}`, type, lon: c.lon, lat: c.lat, ...(w.name ? { name: w.name } : {}) });
      }
    }
    return {
      network: b.finish(),
      points,
      stats: { nodes: size, ways: this.wayCount, drivableWays: nWays, ferryWays: this.ferryCount, missingNodeRefs: missing },
    };
  }
}
