import { haversine, M_PER_DEG } from '../geo.ts';
import type { RoutingGraph } from '../graph/graph.ts';

/** Where a place meets the road network. seg = -1: nothing within the snapping distance. */
export interface Snaps {
  seg: Int32Array;
  /** Fraction along the segment from segA to segB. */
  t: Float64Array;
  /** Great-circle length of the leg between the place and the road. */
  meters: Float64Array;
}

/**
 * Snaps each (lon, lat) to the nearest point on any kept road *segment* (not merely the nearest node),
 * searching grid rings outwards until no unseen cell can hold anything nearer.
 */
export function snapAll(g: RoutingGraph, lons: ArrayLike<number>, lats: ArrayLike<number>, maxMeters: number): Snaps {
  const n = lons.length;
  const out: Snaps = { seg: new Int32Array(n).fill(-1), t: new Float64Array(n), meters: new Float64Array(n) };
  const { grid, segA, segB, baseLon, baseLat } = g;
  const { cellStart, cellItems, nx, ny, cellW, cellH, minLon, minLat } = grid;
  const cellHm = cellH * M_PER_DEG;
  // Stamp per segment so a segment spanning several cells is measured once per query.
  const seen = new Int32Array(segA.length).fill(-1);
  // Visit queries cell by cell: neighbours share cells and segments, which then stay in cache.
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nx, Math.max(0, Math.floor((lons[i]! - minLon) / cellW)));
    const cy = Math.min(ny, Math.max(0, Math.floor((lats[i]! - minLat) / cellH)));
    order[i] = ((cy >> 3) * (nx + 8) + (cx >> 3)) * 2 ** 26 + i;
  }
  if (n < 2 ** 26) order.sort();
  for (let q = 0; q < n; q++) {
    const i = n < 2 ** 26 ? order[q]! % 2 ** 26 : q;
    const lon = lons[i]!;
    const lat = lats[i]!;
    const kx = Math.cos((lat * Math.PI) / 180) * M_PER_DEG;
    const ky = M_PER_DEG;
    const cellWm = cellW * kx;
    const minCellM = Math.min(cellWm, cellHm);
    const cx = Math.floor((lon - minLon) / cellW);
    const cy = Math.floor((lat - minLat) / cellH);
    let best2 = Infinity;
    let bestSeg = -1;
    let bestT = 0;
    const maxRing = Math.ceil(maxMeters / minCellM) + 1;
    for (let r = 0; r <= maxRing; r++) {
      // Every cell in ring r is at least (r - 1) cells away from the query point.
      const ringMin = Math.max(0, r - 1) * minCellM;
      if (ringMin * ringMin > best2 || ringMin > maxMeters) break;
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= ny) continue;
        const onEdgeRow = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += onEdgeRow ? 1 : 2 * r || 1) {
          if (x < 0 || x >= nx) continue;
          const c = y * nx + x;
          for (let k = cellStart[c]!; k < cellStart[c + 1]!; k++) {
            const s = cellItems[k]!;
            if (seen[s] === q) continue;
            seen[s] = q;
            // Local equirectangular plane around the query: exact enough at snapping distances.
            const a = segA[s]!;
            const b = segB[s]!;
            const ax = (baseLon[a]! - lon) * kx;
            const ay = (baseLat[a]! - lat) * ky;
            const bx = (baseLon[b]! - lon) * kx;
            const by = (baseLat[b]! - lat) * ky;
            const dx = bx - ax;
            const dy = by - ay;
            const len2 = dx * dx + dy * dy;
            let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
            if (t < 0) t = 0;
            else if (t > 1) t = 1;
            const px = ax + t * dx;
            const py = ay + t * dy;
            const d2 = px * px + py * py;
            if (d2 < best2 || (d2 === best2 && s < bestSeg)) {
              best2 = d2;
              bestSeg = s;
              bestT = t;
            }
          }
        }
      }
    }
    if (bestSeg < 0) continue;
    const a = segA[bestSeg]!;
    const b = segB[bestSeg]!;
    const plon = baseLon[a]! + bestT * (baseLon[b]! - baseLon[a]!);
    const plat = baseLat[a]! + bestT * (baseLat[b]! - baseLat[a]!);
    const d = haversine(lon, lat, plon, plat);
    if (d > maxMeters) continue;
    out.seg[i] = bestSeg;
    out.t[i] = bestT;
    out.meters[i] = d;
  }
  return out;
}
