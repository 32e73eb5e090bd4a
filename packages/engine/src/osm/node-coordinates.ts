import { F64Vec } from '../graph/base.ts';

/** The node coordinates of a streamed OSM file, frozen for look-ups by id. */
export interface NodeIndex {
  /** How many nodes were seen. */
  readonly size: number;
  /** Longitudes and latitudes by index (sorted by node id). */
  readonly lons: Float64Array;
  readonly lats: Float64Array;
  /** The index of a node id, or -1 when the file did not have it. */
  find(id: number): number;
  /** The centroid of the distinct known vertices among `refs`, or null when none is known. */
  centroid(refs: readonly number[]): { lon: number; lat: number } | null;
}

/**
 * Keeps every node's coordinates in typed arrays while an OSM file streams past (ids are sorted in
 * normal extracts; otherwise they are sorted once in `index()`), which is compact enough for
 * regional extracts.
 */
export class NodeCoordinates {
  private readonly ids = new F64Vec(1 << 16);
  private readonly lons = new F64Vec(1 << 16);
  private readonly lats = new F64Vec(1 << 16);
  private sorted = true;
  private lastId = -Infinity;

  add(id: number, lon: number, lat: number): void {
    if (id < this.lastId) this.sorted = false;
    this.lastId = id;
    this.ids.push(id);
    this.lons.push(lon);
    this.lats.push(lat);
  }

  index(): NodeIndex {
    let ids = this.ids.data.subarray(0, this.ids.length);
    let lons = this.lons.data.subarray(0, this.lons.length);
    let lats = this.lats.data.subarray(0, this.lats.length);
    if (!this.sorted) {
      const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
      ids = Float64Array.from(order, (i) => ids[i]!);
      lons = Float64Array.from(order, (i) => lons[i]!);
      lats = Float64Array.from(order, (i) => lats[i]!);
    }
    const find = (id: number): number => {
      let lo = 0;
      let hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = ids[mid]!;
        if (v < id) lo = mid + 1;
        else if (v > id) hi = mid - 1;
        else return mid;
      }
      return -1;
    };
    const centroid = (refs: readonly number[]): { lon: number; lat: number } | null => {
      const seen = new Set<number>();
      let sx = 0;
      let sy = 0;
      for (const r of refs) {
        const i = find(r);
        if (i < 0 || seen.has(i)) continue;
        seen.add(i);
        sx += lons[i]!;
        sy += lats[i]!;
      }
      return seen.size ? { lon: sx / seen.size, lat: sy / seen.size } : null;
    };
    return { size: ids.length, lons, lats, find, centroid };
  }
}
