/**
 * Deterministic generator of a national-scale, road-like network over Sweden's outline, with
 * populated origins and service points in Swedish proportions. Same seed ⇒ same network.
 *
 * Shape: a brick lattice of rural junctions (every junction has degree 3) whose links are drawn as
 * chains of short segments (long rural roads: most nodes have degree 2), plus dense town grids
 * (Zipf-sized, denser in the south), some one-way town streets, and faster roads between towns.
 */
import { haversine } from '../../packages/engine/src/geo.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, type BaseNetwork } from '../../packages/engine/src/graph/base.ts';
import type { Origin, ServicePoint } from '../../packages/engine/src/analysis/points.ts';
import type { ServiceType } from '../../packages/engine/src/osm/services.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rough outline of Sweden (lon, lat). */
const SWEDEN: [number, number][] = [
  [11.1, 58.9],
  [11.8, 58.3],
  [12.6, 56.2],
  [12.9, 55.4],
  [14.2, 55.4],
  [16.0, 56.2],
  [16.6, 57.5],
  [16.7, 58.6],
  [18.9, 59.5],
  [17.3, 60.7],
  [17.4, 62.3],
  [19.3, 63.4],
  [21.1, 64.2],
  [22.2, 65.6],
  [24.1, 65.8],
  [23.6, 67.2],
  [23.0, 68.5],
  [20.5, 69.05],
  [18.0, 68.4],
  [16.0, 67.6],
  [14.3, 65.9],
  [12.2, 63.5],
  [12.7, 61.6],
  [12.2, 60.0],
  [11.8, 59.6],
  [11.1, 58.9],
];

function inSweden(lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = SWEDEN.length - 1; i < SWEDEN.length; j = i++) {
    const [xi, yi] = SWEDEN[i]!;
    const [xj, yj] = SWEDEN[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface GeneratedCountry {
  network: BaseNetwork;
  origins: Origin[];
  points: ServicePoint[];
  towns: number;
}

export interface GenerateOptions {
  seed?: number;
  /** Rural junction spacing in km. */
  latticeKm?: number;
  /** Length of the segments rural links are drawn with, in metres. */
  segmentM?: number;
  towns?: number;
  townNodes?: number;
  origins?: number;
}

export function generateCountry(o: GenerateOptions = {}): GeneratedCountry {
  const rnd = mulberry32(o.seed ?? 20251123);
  const latticeKm = o.latticeKm ?? 2.6;
  const segmentM = o.segmentM ?? 140;
  const nTowns = o.towns ?? 1900;
  const townNodesTotal = o.townNodes ?? 560_000;
  const nOrigins = o.origins ?? 115_000;
  const b = new BaseNetworkBuilder();

  // --- rural brick lattice
  const dLat = latticeKm / 111.2;
  const rows = Math.ceil((69.1 - 55.3) / dLat);
  const grid = new Map<number, number>(); // row * 10000 + col → node
  const colsAt: number[] = [];
  const key = (r: number, c: number) => r * 10000 + c;
  for (let r = 0; r < rows; r++) {
    const lat0 = 55.3 + r * dLat;
    const dLon = latticeKm / (111.2 * Math.cos((lat0 * Math.PI) / 180));
    const cols = Math.ceil((24.2 - 10.9) / dLon);
    colsAt.push(cols);
    for (let c = 0; c < cols; c++) {
      const lon = 10.9 + (c + 0.5 * (r % 2)) * dLon + (rnd() - 0.5) * dLon * 0.5;
      const lat = lat0 + (rnd() - 0.5) * dLat * 0.5;
      if (inSweden(lon, lat)) grid.set(key(r, c), b.addNode(lon, lat));
    }
  }
  const lon = () => b.lon.data;
  const lat = () => b.lat.data;
  /** Draws a road a–b as a slightly wiggly chain of ~segmentM pieces. */
  const road = (a: number, z: number, kmh: number, dir: number, piece = segmentM): void => {
    const la = lon()[a]!;
    const pa = lat()[a]!;
    const lz = lon()[z]!;
    const pz = lat()[z]!;
    const len = haversine(la, pa, lz, pz);
    const pieces = Math.max(1, Math.round(len / piece));
    const wig = (rnd() - 0.5) * 0.15;
    let prev = a;
    for (let k = 1; k <= pieces; k++) {
      let next = z;
      if (k < pieces) {
        const t = k / pieces;
        const bend = Math.sin(Math.PI * t) * wig;
        next = b.addNode(la + (lz - la) * t - (pz - pa) * bend, pa + (pz - pa) * t + (lz - la) * bend * 0.5);
      }
      const m = haversine(lon()[prev]!, lat()[prev]!, lon()[next]!, lat()[next]!);
      b.addSegment(prev, next, (m * 3.6) / kmh, m, dir);
      prev = next;
    }
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < colsAt[r]!; c++) {
      const v = grid.get(key(r, c));
      if (v === undefined) continue;
      const right = grid.get(key(r, c + 1));
      if (right !== undefined) road(v, right, 60 + Math.floor(rnd() * 4) * 10, DIR_FWD | DIR_BWD);
      // Brick pattern: a vertical link at every other column, alternating by row ⇒ degree 3.
      if ((r + c) % 2 === 0) {
        const up = grid.get(key(r + 1, c)) ?? grid.get(key(r + 1, c - 1 + (r % 2)));
        if (up !== undefined) road(v, up, 60 + Math.floor(rnd() * 4) * 10, DIR_FWD | DIR_BWD);
      }
    }
  }
  const latticeNodes = [...grid.values()];

  // --- towns: Zipf sizes, placed with a southern bias, attached to lattice junctions
  const weights = Array.from({ length: nTowns }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const wsum = weights.reduce((s, w) => s + w, 0);
  const towns: { lon: number; lat: number; nodes: number[]; size: number }[] = [];
  for (let t = 0; t < nTowns; t++) {
    const size = Math.max(9, Math.round((townNodesTotal * weights[t]!) / wsum));
    let tl = 0;
    let tp = 0;
    do {
      tl = 11 + rnd() * 13;
      // South-heavy: squash latitude towards 55–61.
      tp = 55.3 + Math.pow(rnd(), 1.8) * 13.7;
    } while (!inSweden(tl, tp));
    const side = Math.max(3, Math.round(Math.sqrt(size)));
    const step = 0.12 / 111.2; // 120 m blocks
    const stepLon = step / Math.cos((tp * Math.PI) / 180);
    const ids: number[] = [];
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) ids.push(b.addNode(tl + (x - side / 2) * stepLon, tp + (y - side / 2) * step));
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const v = ids[y * side + x]!;
        // Some streets are one-way, alternating direction by row/column so the grid stays strongly connected.
        const ow = rnd() < 0.15;
        if (x + 1 < side && rnd() < 0.93) {
          const w = ids[y * side + x + 1]!;
          const m = haversine(lon()[v]!, lat()[v]!, lon()[w]!, lat()[w]!);
          b.addSegment(v, w, (m * 3.6) / 40, m, ow && y > 0 && y < side - 1 ? (y % 2 ? DIR_FWD : DIR_BWD) : DIR_FWD | DIR_BWD);
        }
        if (y + 1 < side && rnd() < 0.93) {
          const w = ids[(y + 1) * side + x]!;
          const m = haversine(lon()[v]!, lat()[v]!, lon()[w]!, lat()[w]!);
          b.addSegment(v, w, (m * 3.6) / 40, m, ow && x > 0 && x < side - 1 ? (x % 2 ? DIR_FWD : DIR_BWD) : DIR_FWD | DIR_BWD);
        }
      }
    }
    towns.push({ lon: tl, lat: tp, nodes: ids, size });
  }
  // Connect each town's four corners to the nearest lattice junctions (brute force over a coarse bucket).
  const bucket = new Map<number, number[]>();
  const bk = (lo: number, la: number) => Math.floor(la * 10) * 1000 + Math.floor(lo * 10);
  for (const v of latticeNodes) {
    const k = bk(lon()[v]!, lat()[v]!);
    (bucket.get(k) ?? bucket.set(k, []).get(k)!).push(v);
  }
  const nearestJunction = (lo: number, la: number): number => {
    let best = -1;
    let bd = Infinity;
    for (let r = 0; r <= 3 && best < 0; r++) {
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          for (const v of bucket.get(bk(lo + dx * 0.1, la + dy * 0.1)) ?? []) {
            const d = haversine(lo, la, lon()[v]!, lat()[v]!);
            if (d < bd) {
              bd = d;
              best = v;
            }
          }
        }
      }
    }
    return best;
  };
  for (const t of towns) {
    const side = Math.round(Math.sqrt(t.nodes.length));
    for (const corner of [0, side - 1, side * (side - 1), side * side - 1]) {
      const v = t.nodes[corner]!;
      const j = nearestJunction(lon()[v]!, lat()[v]!);
      if (j >= 0) road(v, j, 70, DIR_FWD | DIR_BWD);
    }
  }
  // Fast roads between each of the 60 biggest towns and its two nearest big neighbours.
  const big = towns.slice(0, 60);
  for (const t of big) {
    const others = big.filter((x) => x !== t).sort((x, y) => haversine(t.lon, t.lat, x.lon, x.lat) - haversine(t.lon, t.lat, y.lon, y.lat));
    for (const u of others.slice(0, 2))
      road(t.nodes[0]!, u.nodes[t.nodes.length > u.nodes.length ? 0 : u.nodes.length - 1]!, 100, DIR_FWD | DIR_BWD, 800);
  }
  const network = b.finish();

  // --- origins: 1 km cells; most populated cells lie in and around towns
  const origins: Origin[] = [];
  const seen = new Set<string>();
  const totalTown = towns.reduce((s, t) => s + t.size, 0);
  let guard = 0;
  while (origins.length < nOrigins && guard++ < nOrigins * 20) {
    let lo: number;
    let la: number;
    if (rnd() < 0.55) {
      // Around a town, weighted by its size.
      let pick = rnd() * totalTown;
      let t = towns[0]!;
      for (const x of towns)
        if ((pick -= x.size) <= 0) {
          t = x;
          pick = 0;
        }
      const spread = (Math.sqrt(t.size) * 0.12 + 6) / 111.2;
      lo = t.lon + ((rnd() - 0.5) * 2 * spread) / Math.cos((t.lat * Math.PI) / 180);
      la = t.lat + (rnd() - 0.5) * 2 * spread;
    } else {
      // Rural: anywhere, denser in the south.
      lo = 11 + rnd() * 13;
      la = 55.3 + Math.pow(rnd(), 1.6) * 13.7;
    }
    if (!inSweden(lo, la)) continue;
    // Snap to the SCB 1 km grid (in degrees; good enough for a benchmark) and keep one origin per cell.
    const cellLat = Math.floor(la * 111.2) / 111.2 + 0.5 / 111.2;
    const dl = 1 / (111.2 * Math.cos((cellLat * Math.PI) / 180));
    const cellLon = Math.floor(lo / dl) * dl + dl / 2;
    const id = `${cellLon.toFixed(4)}_${cellLat.toFixed(4)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    origins.push({
      id,
      lon: cellLon,
      lat: cellLat,
      population: 1 + Math.floor(Math.pow(rnd(), 3) * 400),
      municipality: String(1000 + Math.floor(((lo - 11) / 13) * 17) * 17 + Math.floor(((la - 55.3) / 13.7) * 17)),
    });
  }

  // --- points in Swedish proportions, mostly in towns
  const counts: Record<ServiceType, number> = { groceries: 5000, fuel: 2700, pharmacy: 1400, post: 2000, payment: 1800 };
  const points: ServicePoint[] = [];
  for (const [type, n] of Object.entries(counts) as [ServiceType, number][]) {
    for (let i = 0; i < n; i++) {
      let v: number;
      if (rnd() < 0.8) {
        let pick = rnd() * totalTown;
        let t = towns[0]!;
        for (const x of towns)
          if ((pick -= x.size) <= 0) {
            t = x;
            pick = 0;
          }
        v = t.nodes[Math.floor(rnd() * t.nodes.length)]!;
      } else v = latticeNodes[Math.floor(rnd() * latticeNodes.length)]!;
      points.push({
        id: `${type}-${i}`,
        type,
        lon: network.lon[v]! + (rnd() - 0.5) * 0.0005,
        lat: network.lat[v]! + (rnd() - 0.5) * 0.0003,
      });
    }
  }
  return { network, origins, points, towns: towns.length };
}
