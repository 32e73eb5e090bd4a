import { haversine, M_PER_DEG } from '../geo.ts';

/**
 * For every query, the two nearest points by great-circle distance (grid with ring search).
 * Used by the straight-line fallback when there is no road network.
 */
export function twoNearestStraight(
  pLon: Float64Array,
  pLat: Float64Array,
  qLon: Float64Array,
  qLat: Float64Array,
): { i0: Int32Array; d0: Float64Array; i1: Int32Array; d1: Float64Array } {
  const nq = qLon.length;
  const out = {
    i0: new Int32Array(nq).fill(-1),
    d0: new Float64Array(nq).fill(Infinity),
    i1: new Int32Array(nq).fill(-1),
    d1: new Float64Array(nq).fill(Infinity),
  };
  const np = pLon.length;
  if (np === 0) return out;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < np; i++) {
    minLon = Math.min(minLon, pLon[i]!);
    maxLon = Math.max(maxLon, pLon[i]!);
    minLat = Math.min(minLat, pLat[i]!);
    maxLat = Math.max(maxLat, pLat[i]!);
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(np / 2)));
  const cellW = Math.max(1e-6, (maxLon - minLon) / side);
  const cellH = Math.max(1e-6, (maxLat - minLat) / side);
  const nx = Math.floor((maxLon - minLon) / cellW) + 1;
  const ny = Math.floor((maxLat - minLat) / cellH) + 1;
  const start = new Int32Array(nx * ny + 1);
  const cellOf = (i: number): number => Math.floor((pLat[i]! - minLat) / cellH) * nx + Math.floor((pLon[i]! - minLon) / cellW);
  for (let i = 0; i < np; i++) start[cellOf(i) + 1]!++;
  for (let c = 0; c < nx * ny; c++) start[c + 1]! += start[c]!;
  const items = new Int32Array(np);
  const fill = start.slice(0, nx * ny);
  for (let i = 0; i < np; i++) items[fill[cellOf(i)]!++] = i;
  // Conservative cell size in metres: the narrowest a cell gets anywhere in the grid.
  const cosMax = Math.cos((Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat))) * Math.PI) / 180);
  const minCellM = Math.min(cellW * M_PER_DEG * cosMax, cellH * M_PER_DEG);
  const maxRing = Math.max(nx, ny) + 2;
  for (let q = 0; q < nq; q++) {
    const lon = qLon[q]!;
    const lat = qLat[q]!;
    const cx = Math.min(nx - 1, Math.max(0, Math.floor((lon - minLon) / cellW)));
    const cy = Math.min(ny - 1, Math.max(0, Math.floor((lat - minLat) / cellH)));
    // Distance from the query to the grid (when outside it) adds to every cell's lower bound.
    const outside = haversine(lon, lat, Math.min(maxLon, Math.max(minLon, lon)), Math.min(maxLat, Math.max(minLat, lat)));
    let i0 = -1;
    let d0 = Infinity;
    let i1 = -1;
    let d1 = Infinity;
    for (let r = 0; r <= maxRing; r++) {
      const bound = Math.max(outside, Math.max(0, r - 1) * minCellM);
      if (bound > d1) break;
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= ny) continue;
        const edgeRow = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r || 1) {
          if (x < 0 || x >= nx) continue;
          const c = y * nx + x;
          for (let k = start[c]!; k < start[c + 1]!; k++) {
            const i = items[k]!;
            const d = haversine(lon, lat, pLon[i]!, pLat[i]!);
            if (d < d0) {
              i1 = i0;
              d1 = d0;
              i0 = i;
              d0 = d;
            } else if (d < d1) {
              i1 = i;
              d1 = d;
            }
          }
        }
      }
    }
    out.i0[q] = i0;
    out.d0[q] = d0;
    out.i1[q] = i1;
    out.d1[q] = d1;
  }
  return out;
}
