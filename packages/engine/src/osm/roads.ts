import { F64Vec, I32Vec } from '../graph/base.ts';
import type { Profile } from '../profile.ts';
import { carWayRule } from './car.ts';
import { NodeCoordinates } from './node-coordinates.ts';
import { simplifyLine } from './simplify.ts';
import type { OsmHandler, Tags } from './types.ts';

/** The display classes of the roads drawn on a space's maps, minor first (the order they are drawn in). */
export const ROAD_CLASSES = ['minor', 'secondary', 'primary', 'major'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

const CLASS_OF_HIGHWAY: Record<string, RoadClass> = {
  motorway: 'major',
  motorway_link: 'major',
  trunk: 'major',
  trunk_link: 'major',
  primary: 'primary',
  primary_link: 'primary',
  secondary: 'secondary',
  secondary_link: 'secondary',
  tertiary: 'secondary',
  tertiary_link: 'secondary',
  unclassified: 'minor',
  residential: 'minor',
  living_street: 'minor',
  road: 'minor',
  service: 'minor',
};

/** Service roads that only clutter a map drawn for bearings: parking aisles, driveways, drive-throughs. */
const HIDDEN_SERVICE = new Set(['parking_aisle', 'driveway', 'drive-through']);

/**
 * The display class of a way, or null when it is not drawn: only ways a car may use (the engine's
 * car profile decides), never ferries, tracks, parking aisles or driveways.
 */
export function roadClassOf(tags: Tags, profile: Profile): RoadClass | null {
  const cls = tags.highway === undefined ? undefined : CLASS_OF_HIGHWAY[tags.highway];
  if (!cls) return null;
  if (tags.highway === 'service' && tags.service !== undefined && HIDDEN_SERVICE.has(tags.service)) return null;
  const rule = carWayRule(tags, profile);
  return rule && !rule.ferry ? cls : null;
}

/** The drawn roads as GeoJSON (RFC 7946): one MultiLineString per class present, minor first. */
export interface RoadCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { class: RoadClass };
    geometry: { type: 'MultiLineString'; coordinates: [number, number][][] };
  }[];
}

export interface RoadExtract {
  roads: RoadCollection;
  stats: { ways: number; pointsIn: number; pointsOut: number };
}

export interface RoadOptions {
  /** Douglas–Peucker tolerance in metres; 10 m is below a pixel up to zoom 12 at Swedish latitudes. */
  toleranceM?: number;
  /** Decimals kept in the coordinates; 5 is about a metre. */
  decimals?: number;
}

/**
 * Collects the geometry of the drivable roads while an OSM file streams past, and hands it back
 * grouped by display class and simplified, small enough to draw on a map without a basemap.
 * Node coordinates are kept in typed arrays (nodes come before ways in every extract).
 */
export class OsmRoadCollector implements OsmHandler {
  private readonly nodes = new NodeCoordinates();
  private readonly refs = new F64Vec(1 << 16);
  private readonly starts = new I32Vec();
  private readonly classes = new I32Vec();

  constructor(
    private readonly profile: Profile,
    private readonly options: RoadOptions = {},
  ) {
    this.starts.push(0);
  }

  node(id: number, lon: number, lat: number): void {
    this.nodes.add(id, lon, lat);
  }

  way(_id: number, refs: readonly number[], tags: Tags): void {
    if (refs.length < 2) return;
    const cls = roadClassOf(tags, this.profile);
    if (!cls) return;
    for (const r of refs) this.refs.push(r);
    this.starts.push(this.refs.length);
    this.classes.push(ROAD_CLASSES.indexOf(cls));
  }

  finish(): RoadExtract {
    const { lons, lats, find } = this.nodes.index();
    const tolerance = this.options.toleranceM ?? 10;
    const scale = 10 ** (this.options.decimals ?? 5);
    const round = (v: number) => Math.round(v * scale) / scale;
    const lines: [number, number][][][] = ROAD_CLASSES.map(() => []);
    let pointsIn = 0;
    let pointsOut = 0;
    const line: [number, number][] = [];
    const flush = (cls: number) => {
      if (line.length >= 2) {
        pointsIn += line.length;
        const out: [number, number][] = [];
        for (const [x, y] of simplifyLine(line, tolerance)) {
          const p: [number, number] = [round(x), round(y)];
          const last = out[out.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
        }
        if (out.length >= 2) {
          pointsOut += out.length;
          lines[cls]!.push(out);
        }
      }
      line.length = 0;
    };
    for (let w = 0; w < this.classes.length; w++) {
      const cls = this.classes.data[w]!;
      for (let k = this.starts.data[w]!; k < this.starts.data[w + 1]!; k++) {
        const i = find(this.refs.data[k]!);
        // A node missing from the extract (a way cut at its edge) breaks the line there.
        if (i < 0) flush(cls);
        else line.push([lons[i]!, lats[i]!]);
      }
      flush(cls);
    }
    const features: RoadCollection['features'] = [];
    ROAD_CLASSES.forEach((cls, c) => {
      if (lines[c]!.length)
        features.push({ type: 'Feature', properties: { class: cls }, geometry: { type: 'MultiLineString', coordinates: lines[c]! } });
    });
    return { roads: { type: 'FeatureCollection', features }, stats: { ways: this.classes.length, pointsIn, pointsOut } };
  }
}
