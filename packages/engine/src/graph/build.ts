import { M_PER_DEG } from '../geo.ts';
import { DIR_BWD, DIR_FWD, F64Vec, I32Vec, type BaseNetwork } from './base.ts';
import type { DroppedReport, RoutingGraph, SegmentGrid } from './graph.ts';
import { stronglyConnected } from './scc.ts';

/** Counting sort helper: CSR offsets from a key per item. */
function offsets(n: number, keys: Int32Array, count: number): Int32Array {
  const first = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) first[keys[i]! + 1]!++;
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  return first;
}

/**
 * Base network → routing graph: keep the largest strongly connected component, contract chains of
 * degree-2 nodes into single edges, renumber junctions along a Hilbert curve (neighbours in space
 * become neighbours in memory), lay out forward and reverse CSR, and index segments for snapping.
 */
export function buildGraph(base: BaseNetwork): RoutingGraph {
  const nb = base.lon.length;
  const ns = base.segA.length;
  const { segA, segB, segDir, segSec, segMeters } = base;

  // 1. Directed adjacency of the base network, for the SCC.
  let arcs = 0;
  for (let s = 0; s < ns; s++) arcs += (segDir[s]! & DIR_FWD ? 1 : 0) + (segDir[s]! & DIR_BWD ? 1 : 0);
  const arcFrom = new Int32Array(arcs);
  const arcTo = new Int32Array(arcs);
  let k = 0;
  for (let s = 0; s < ns; s++) {
    if (segDir[s]! & DIR_FWD) {
      arcFrom[k] = segA[s]!;
      arcTo[k++] = segB[s]!;
    }
    if (segDir[s]! & DIR_BWD) {
      arcFrom[k] = segB[s]!;
      arcTo[k++] = segA[s]!;
    }
  }
  const firstArc = offsets(nb, arcFrom, arcs);
  const adj = new Int32Array(arcs);
  {
    const fill = firstArc.slice(0, nb);
    for (let i = 0; i < arcs; i++) adj[fill[arcFrom[i]!]!++] = arcTo[i]!;
  }
  const { comp, largest } = stronglyConnected(nb, firstArc, adj);
  const inComp = new Uint8Array(nb);
  const dropped: DroppedReport = { nodes: 0, segments: 0, bbox: null };
  for (let v = 0; v < nb; v++) {
    if (comp[v] === largest) inComp[v] = 1;
    else {
      dropped.nodes++;
      const lo = base.lon[v]!;
      const la = base.lat[v]!;
      const b = (dropped.bbox ??= { minLon: lo, minLat: la, maxLon: lo, maxLat: la });
      if (lo < b.minLon) b.minLon = lo;
      if (lo > b.maxLon) b.maxLon = lo;
      if (la < b.minLat) b.minLat = la;
      if (la > b.maxLat) b.maxLat = la;
    }
  }

  // 2. Undirected incidence of active segments (both ends kept, not a degenerate loop).
  const active = new Uint8Array(ns);
  let nActive = 0;
  const incNode = new Int32Array(2 * ns);
  let nInc = 0;
  for (let s = 0; s < ns; s++) {
    const a = segA[s]!;
    const b = segB[s]!;
    if (a === b || !inComp[a] || !inComp[b] || segDir[s] === 0) {
      if (a !== b && !(inComp[a] && inComp[b])) dropped.segments++;
      continue;
    }
    active[s] = 1;
    nActive++;
    incNode[nInc++] = a;
    incNode[nInc++] = b;
  }
  const firstInc = offsets(nb, incNode, nInc);
  const incSeg = new Int32Array(nInc);
  {
    const fill = firstInc.slice(0, nb);
    for (let s = 0; s < ns; s++) {
      if (!active[s]) continue;
      incSeg[fill[segA[s]!]!++] = s;
      incSeg[fill[segB[s]!]!++] = s;
    }
  }
  const canOut = (s: number, v: number): boolean => (segA[s] === v ? (segDir[s]! & DIR_FWD) !== 0 : (segDir[s]! & DIR_BWD) !== 0);
  const canIn = (s: number, v: number): boolean => (segB[s] === v ? (segDir[s]! & DIR_FWD) !== 0 : (segDir[s]! & DIR_BWD) !== 0);
  const other = (s: number, v: number): number => (segA[s] === v ? segB[s]! : segA[s]!);

  // 3. Which nodes are junctions. A node is interior to a chain when it has exactly two segments to
  //    two different neighbours and traffic can flow through it the same way both segments allow.
  const kept = new Uint8Array(nb);
  for (let v = 0; v < nb; v++) {
    if (!inComp[v]) continue;
    const f = firstInc[v]!;
    if (firstInc[v + 1]! - f !== 2) {
      kept[v] = 1;
      continue;
    }
    const s1 = incSeg[f]!;
    const s2 = incSeg[f + 1]!;
    const consistent = other(s1, v) !== other(s2, v) && canIn(s1, v) === canOut(s2, v) && canIn(s2, v) === canOut(s1, v);
    if (!consistent) kept[v] = 1;
  }

  // 4. Walk chains from every junction in every drivable direction.
  const segCeF = new Int32Array(ns).fill(-1);
  const segCeB = new Int32Array(ns).fill(-1);
  const segPosF = new Float64Array(ns);
  const segPosFM = new Float64Array(ns);
  const segPosB = new Float64Array(ns);
  const segPosBM = new Float64Array(ns);
  const eTail = new I32Vec(1 << 16);
  const eHead = new I32Vec(1 << 16);
  const eSec = new F64Vec(1 << 16);
  const eM = new F64Vec(1 << 16);
  const walkFrom = (u: number): void => {
    for (let i = firstInc[u]!; i < firstInc[u + 1]!; i++) {
      const s0 = incSeg[i]!;
      if (!canOut(s0, u)) continue;
      if (segA[s0] === u ? segCeF[s0] !== -1 : segCeB[s0] !== -1) continue; // already walked (loop back to u)
      const ce = eTail.length;
      let cur = u;
      let s = s0;
      let sec = 0;
      let m = 0;
      for (;;) {
        if (segA[s] === cur) {
          segCeF[s] = ce;
          segPosF[s] = sec;
          segPosFM[s] = m;
        } else {
          segCeB[s] = ce;
          segPosB[s] = sec;
          segPosBM[s] = m;
        }
        sec += segSec[s]!;
        m += segMeters[s]!;
        const next = other(s, cur);
        if (kept[next]) {
          eTail.push(u);
          eHead.push(next);
          eSec.push(sec);
          eM.push(m);
          break;
        }
        const f = firstInc[next]!;
        s = incSeg[f] === s ? incSeg[f + 1]! : incSeg[f]!;
        cur = next;
      }
    }
  };
  for (let v = 0; v < nb; v++) if (kept[v]) walkFrom(v);
  // Pure cycles of degree-2 nodes have no junction: promote one node per cycle.
  for (let s = 0; s < ns; s++) {
    if (!active[s]) continue;
    if ((segDir[s]! & DIR_FWD && segCeF[s] === -1) || (segDir[s]! & DIR_BWD && segCeB[s] === -1)) {
      const v = segDir[s]! & DIR_FWD && segCeF[s] === -1 ? segA[s]! : segB[s]!;
      kept[v] = 1;
      walkFrom(v);
    }
  }

  // 5. Number junctions along a Hilbert curve.
  const keptList: number[] = [];
  for (let v = 0; v < nb; v++) if (kept[v]) keptList.push(v);
  const n = keptList.length;
  const order = hilbertOrder(keptList, base.lon, base.lat);
  const newId = new Int32Array(nb).fill(-1);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = keptList[order[i]!]!;
    newId[v] = i;
    lon[i] = base.lon[v]!;
    lat[i] = base.lat[v]!;
  }

  // 6. Forward CSR (edge ids = positions in it) and the reverse CSR.
  const m = eTail.length;
  const tailOld = eTail.data;
  const tails = new Int32Array(m);
  for (let e = 0; e < m; e++) tails[e] = newId[tailOld[e]!]!;
  const firstOut = offsets(n, tails, m);
  const ceNew = new Int32Array(m);
  const head = new Int32Array(m);
  const tail = new Int32Array(m);
  const sec = new Float64Array(m);
  const meters = new Float64Array(m);
  {
    const fill = firstOut.slice(0, n);
    for (let e = 0; e < m; e++) {
      const p = fill[tails[e]!]!++;
      ceNew[e] = p;
      tail[p] = tails[e]!;
      head[p] = newId[eHead.data[e]!]!;
      sec[p] = eSec.data[e]!;
      meters[p] = eM.data[e]!;
    }
  }
  for (let s = 0; s < ns; s++) {
    if (segCeF[s] !== -1) segCeF[s] = ceNew[segCeF[s]!]!;
    if (segCeB[s] !== -1) segCeB[s] = ceNew[segCeB[s]!]!;
  }
  const firstIn = offsets(n, head, m);
  const inTail = new Int32Array(m);
  const inSec = new Float64Array(m);
  const inMeters = new Float64Array(m);
  {
    const fill = firstIn.slice(0, n);
    for (let e = 0; e < m; e++) {
      const p = fill[head[e]!]!++;
      inTail[p] = tail[e]!;
      inSec[p] = sec[e]!;
      inMeters[p] = meters[e]!;
    }
  }

  const grid = buildSegmentGrid(base, active, nActive);
  return {
    n,
    m,
    lon,
    lat,
    firstOut,
    head,
    tail,
    sec,
    meters,
    firstIn,
    inTail,
    inSec,
    inMeters,
    baseLon: base.lon,
    baseLat: base.lat,
    segA,
    segB,
    segSec,
    segMeters,
    segDir,
    segCeF,
    segCeB,
    segPosF,
    segPosFM,
    segPosB,
    segPosBM,
    grid,
    dropped,
  };
}

/** Hilbert index of (x, y) in a 2^order grid. */
function hilbert(x: number, y: number, order: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/** Permutation of `nodes` along a Hilbert curve over their bounding box. */
function hilbertOrder(nodes: number[], lonA: Float64Array, latA: Float64Array): Int32Array {
  const n = nodes.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const v of nodes) {
    minX = Math.min(minX, lonA[v]!);
    maxX = Math.max(maxX, lonA[v]!);
    minY = Math.min(minY, latA[v]!);
    maxY = Math.max(maxY, latA[v]!);
  }
  const ORDER = 15;
  const side = (1 << ORDER) - 1;
  const sx = maxX > minX ? side / (maxX - minX) : 0;
  const sy = maxY > minY ? side / (maxY - minY) : 0;
  const order = new Int32Array(n);
  if (n < 2 ** 23) {
    // Key = hilbert · 2^23 + index packs into an exact double, so one native numeric sort does it.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = nodes[i]!;
      keys[i] = hilbert(Math.round((lonA[v]! - minX) * sx), Math.round((latA[v]! - minY) * sy), ORDER) * 2 ** 23 + i;
    }
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % 2 ** 23;
  } else {
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = nodes[i]!;
      h[i] = hilbert(Math.round((lonA[v]! - minX) * sx), Math.round((latA[v]! - minY) * sy), ORDER);
    }
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => h[a]! - h[b]!);
    order.set(idx);
  }
  return order;
}

/** Uniform grid over segments' bounding boxes, cells roughly square in metres. */
export function buildSegmentGrid(base: BaseNetwork, active: Uint8Array, nActive: number): SegmentGrid {
  const { segA, segB } = base;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let s = 0; s < segA.length; s++) {
    if (!active[s]) continue;
    for (const v of [segA[s]!, segB[s]!]) {
      const lo = base.lon[v]!;
      const la = base.lat[v]!;
      if (lo < minLon) minLon = lo;
      if (lo > maxLon) maxLon = lo;
      if (la < minLat) minLat = la;
      if (la > maxLat) maxLat = la;
    }
  }
  if (nActive === 0)
    return { minLon: 0, minLat: 0, cellW: 1, cellH: 1, nx: 1, ny: 1, cellStart: new Int32Array(2), cellItems: new Int32Array(0) };
  const cosLat = Math.max(0.1, Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  const wM = Math.max(1, (maxLon - minLon) * M_PER_DEG * cosLat);
  const hM = Math.max(1, (maxLat - minLat) * M_PER_DEG);
  // About two segments per cell, but never cells under 50 m (pointless) or grids over 4M cells.
  let cellM = Math.max(50, Math.sqrt((wM * hM) / Math.max(1, nActive / 2)));
  while ((wM / cellM + 1) * (hM / cellM + 1) > 4e6) cellM *= 1.5;
  const cellH = cellM / M_PER_DEG;
  const cellW = cellM / (M_PER_DEG * cosLat);
  const nx = Math.floor((maxLon - minLon) / cellW) + 1;
  const ny = Math.floor((maxLat - minLat) / cellH) + 1;
  const counts = new Int32Array(nx * ny + 1);
  const visit = (s: number, fn: (cell: number) => void): void => {
    const a = segA[s]!;
    const b = segB[s]!;
    const x0 = Math.floor((Math.min(base.lon[a]!, base.lon[b]!) - minLon) / cellW);
    const x1 = Math.floor((Math.max(base.lon[a]!, base.lon[b]!) - minLon) / cellW);
    const y0 = Math.floor((Math.min(base.lat[a]!, base.lat[b]!) - minLat) / cellH);
    const y1 = Math.floor((Math.max(base.lat[a]!, base.lat[b]!) - minLat) / cellH);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) fn(y * nx + x);
  };
  for (let s = 0; s < segA.length; s++) if (active[s]) visit(s, (c) => counts[c + 1]!++);
  for (let c = 0; c < nx * ny; c++) counts[c + 1]! += counts[c]!;
  const cellItems = new Int32Array(counts[nx * ny]!);
  const fill = counts.slice(0, nx * ny);
  for (let s = 0; s < segA.length; s++) if (active[s]) visit(s, (c) => (cellItems[fill[c]!++] = s));
  return { minLon, minLat, cellW, cellH, nx, ny, cellStart: counts, cellItems };
}
