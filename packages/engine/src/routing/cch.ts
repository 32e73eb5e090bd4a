/**
 * Customizable contraction hierarchy (Dibbelt, Strasser, Wagner 2014) with a geometric nested
 * dissection order — preprocessing that needs no witness searches, so it stays fast in JavaScript:
 *
 *  1. order: split the junctions recursively at the median of their longer extent; the junctions on
 *     the cut (a vertex separator) get the highest ranks of their part;
 *  2. symbolic contraction: eliminating a node makes its higher neighbours a clique (computed with
 *     the elimination-tree trick: merge them into the lowest one only);
 *  3. customization: arc weights (both directions, time and length) from the road edges, then every
 *     lower triangle in rank order, so an arc's weight is the best path through lower nodes.
 *
 * The result has the same shape as the hierarchy in ch.ts (with an empty core), so the same two
 * PHAST-style sweeps answer the two-nearest question for every node.
 */
import type { RoutingGraph } from '../graph/graph.ts';
import type { ContractionHierarchy } from './ch.ts';

// The hierarchy lives in shared memory from the start: worker threads then use it without a copy
// (it is the largest structure of the engine, ~0.5 GB nationally).
const i32 = (len: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * len));
const f64 = (len: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * len));

export interface CchStats {
  orderMs: number;
  contractMs: number;
  customizeMs: number;
  arcs: number;
  maxUpDegree: number;
}

/** Nested dissection order: returns rank per node (0 = contracted first). */
function nestedDissection(g: RoutingGraph, adjFirst: Int32Array, adj: Int32Array, LEAF: number): Int32Array {
  const n = g.n;
  const x = new Float64Array(n);
  const y = g.lat;
  for (let v = 0; v < n; v++) x[v] = g.lon[v]! * Math.cos((g.lat[v]! * Math.PI) / 180);
  const rank = new Int32Array(n);
  let nextRank = 0;
  const mark = new Int32Array(n).fill(-1); // part id a node currently belongs to
  let partId = 0;
  // Explicit stack of tasks: either "split this part" or "emit these nodes" (separator after parts).
  type Task = { kind: 'split'; nodes: Int32Array } | { kind: 'emit'; nodes: Int32Array };
  const stack: Task[] = [{ kind: 'split', nodes: Int32Array.from({ length: n }, (_, i) => i) }];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'emit' || t.nodes.length <= LEAF) {
      for (const v of t.nodes) rank[v] = nextRank++;
      continue;
    }
    const nodes = t.nodes;
    const m = nodes.length;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const v of nodes) {
      if (x[v]! < minX) minX = x[v]!;
      if (x[v]! > maxX) maxX = x[v]!;
      if (y[v]! < minY) minY = y[v]!;
      if (y[v]! > maxY) maxY = y[v]!;
    }
    // Try cuts in four directions (x, y and both diagonals) at the median; keep the smallest
    // separator. A few more sorts buy markedly fewer hierarchy arcs (inertial-flow style).
    const keys = new Float64Array(m);
    let bestSep: number[] | null = null;
    let bestIdA = 0;
    let bestIdB = 0;
    let bestKeys: Float64Array | null = null;
    const sx = maxX - minX || 1;
    const sy = maxY - minY || 1;
    const half = m >> 1;
    const boundary = (id: number, other: number): number[] => {
      const out: number[] = [];
      for (const v of nodes) {
        if (mark[v] !== id) continue;
        for (let e = adjFirst[v]!; e < adjFirst[v + 1]!; e++) {
          if (mark[adj[e]!] === other) {
            out.push(v);
            break;
          }
        }
      }
      return out;
    };
    for (let dir = 0; dir < 4; dir++) {
      const ax = dir === 0 ? 1 : dir === 1 ? 0 : dir === 2 ? 0.5 : 0.5;
      const ay = dir === 0 ? 0 : dir === 1 ? 1 : dir === 2 ? 0.5 : -0.5;
      // Median by a packed native sort: (projection quantised to 2^28 steps, index in the part).
      for (let i = 0; i < m; i++) {
        const v = nodes[i]!;
        const proj = (ax * (x[v]! - minX)) / sx + (ay * (y[v]! - minY)) / sy + 0.5;
        keys[i] = Math.floor(proj * 2 ** 27) * 2 ** 24 + i;
      }
      keys.sort();
      const idA = partId++;
      const idB = partId++;
      for (let i = 0; i < m; i++) mark[nodes[keys[i]! % 2 ** 24]!] = i < half ? idA : idB;
      const sA = boundary(idA, idB);
      const sB = boundary(idB, idA);
      const sep = sA.length <= sB.length ? sA : sB;
      if (bestSep === null || sep.length < bestSep.length) {
        bestSep = sep;
        bestIdA = idA;
        bestIdB = idB;
        bestKeys = keys.slice();
      }
    }
    // Re-apply the best cut.
    for (let i = 0; i < m; i++) mark[nodes[bestKeys![i]! % 2 ** 24]!] = i < half ? bestIdA : bestIdB;
    const sep = bestSep!;
    const idA = bestIdA;
    const idB = bestIdB;
    const idSep = partId++;
    for (const v of sep) mark[v] = idSep;
    const partA: number[] = [];
    const partB: number[] = [];
    for (const v of nodes) {
      if (mark[v] === idA) partA.push(v);
      else if (mark[v] === idB) partB.push(v);
    }
    // Separator ranks above both parts: push it first so it is emitted last.
    stack.push({ kind: 'emit', nodes: Int32Array.from(sep) });
    stack.push({ kind: 'split', nodes: Int32Array.from(partB) });
    stack.push({ kind: 'split', nodes: Int32Array.from(partA) });
  }
  return rank;
}

export function buildCch(g: RoutingGraph, opts: { leafSize?: number } = {}): { ch: ContractionHierarchy; stats: CchStats } {
  const n = g.n;
  let t = performance.now();
  // Undirected adjacency (both directions of every edge), for the order and the symbolic step.
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < g.m; e++) {
    if (g.tail[e] === g.head[e]) continue;
    deg[g.tail[e]! + 1]!++;
    deg[g.head[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) deg[v + 1]! += deg[v]!;
  const adj = new Int32Array(deg[n]!);
  {
    const fill = deg.slice(0, n);
    for (let e = 0; e < g.m; e++) {
      const a = g.tail[e]!;
      const b = g.head[e]!;
      if (a === b) continue;
      adj[fill[a]!++] = b;
      adj[fill[b]!++] = a;
    }
  }
  const rank = nestedDissection(g, deg, adj, opts.leafSize ?? 8);
  const orderMs = performance.now() - t;

  // Symbolic contraction in rank order.
  t = performance.now();
  const byRank = new Int32Array(n);
  for (let v = 0; v < n; v++) byRank[rank[v]!] = v;
  const pending: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    for (let e = deg[v]!; e < deg[v + 1]!; e++) {
      const w = adj[e]!;
      if (rank[w]! > rank[v]!) pending[v]!.push(w);
    }
  }
  const upFirst = new Int32Array(n + 1); // indexed by rank
  const upList: number[] = []; // upward neighbours (as ranks), sorted, per rank
  const stamp = new Int32Array(n).fill(-1);
  let maxUp = 0;
  for (let r = 0; r < n; r++) {
    const v = byRank[r]!;
    const cand = pending[v]!;
    const U: number[] = [];
    for (const w of cand) {
      if (stamp[w] === r) continue;
      stamp[w] = r;
      U.push(rank[w]!);
    }
    pending[v] = [];
    U.sort((a, b) => a - b);
    if (U.length > maxUp) maxUp = U.length;
    for (const u of U) upList.push(u);
    upFirst[r + 1] = upList.length;
    if (U.length > 1) {
      const p = pending[byRank[U[0]!]!]!;
      for (let i = 1; i < U.length; i++) p.push(byRank[U[i]!]!);
    }
  }
  const arcs = upList.length;
  const up = Int32Array.from(upList);
  const contractMs = performance.now() - t;

  // Customization. Arc a = (lower r → higher up[a]); wUp = time from r to up[a], wDown = back.
  t = performance.now();
  const wUp = new Float64Array(arcs).fill(Infinity);
  const wDown = new Float64Array(arcs).fill(Infinity);
  const mUp = new Float64Array(arcs).fill(Infinity);
  const mDown = new Float64Array(arcs).fill(Infinity);
  const findArc = (lo: number, hi: number): number => {
    let a = upFirst[lo]!;
    let b = upFirst[lo + 1]! - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const x = up[mid]!;
      if (x < hi) a = mid + 1;
      else if (x > hi) b = mid - 1;
      else return mid;
    }
    return -1;
  };
  for (let e = 0; e < g.m; e++) {
    const ra = rank[g.tail[e]!]!;
    const rb = rank[g.head[e]!]!;
    if (ra === rb) continue;
    const s = g.sec[e]!;
    const mm = g.meters[e]!;
    if (ra < rb) {
      const a = findArc(ra, rb);
      if (s < wUp[a]!) {
        wUp[a] = s;
        mUp[a] = mm;
      }
    } else {
      const a = findArc(rb, ra);
      if (s < wDown[a]!) {
        wDown[a] = s;
        mDown[a] = mm;
      }
    }
  }
  // Lower triangles: for node r with upward arcs to x < y, the arc x→y may go x → r → y.
  for (let r = 0; r < n; r++) {
    const f = upFirst[r]!;
    const end = upFirst[r + 1]!;
    for (let i = f; i < end; i++) {
      const xr = up[i]!;
      const downX = wDown[i]!; // x → r
      const upX = wUp[i]!; // r → x
      if (downX === Infinity && upX === Infinity) continue;
      for (let j = i + 1; j < end; j++) {
        const yr = up[j]!;
        const a = findArc(xr, yr);
        // The elimination makes every pair of upward neighbours adjacent; a gap would be a bug.
        if (a < 0) throw new Error('cch: missing arc in the chordal completion');
        // x → y via r: (x → r) + (r → y); y → x via r: (y → r) + (r → x).
        const xy = downX + wUp[j]!;
        if (xy < wUp[a]!) {
          wUp[a] = xy;
          mUp[a] = mDown[i]! + mUp[j]!;
        }
        const yx = wDown[j]! + upX;
        if (yx < wDown[a]!) {
          wDown[a] = yx;
          mDown[a] = mDown[j]! + mUp[i]!;
        }
      }
    }
  }
  const customizeMs = performance.now() - t;

  // Sweep layout in positions (0 = highest rank): pos = n - 1 - rank.
  const chPos = i32(n);
  const chNode = i32(n);
  for (let v = 0; v < n; v++) {
    chPos[v] = n - 1 - rank[v]!;
    chNode[n - 1 - rank[v]!] = v;
  }
  // Up CSR (per position of the lower end: its higher neighbours, weight lower → higher).
  const upCnt = i32(n + 1);
  const pullCnt = i32(n + 1);
  for (let r = 0; r < n; r++) {
    for (let a = upFirst[r]!; a < upFirst[r + 1]!; a++) {
      if (wUp[a]! < Infinity) upCnt[n - 1 - r + 1]!++;
      if (wDown[a]! < Infinity) pullCnt[n - 1 - up[a]! + 1]!++;
    }
  }
  for (let p = 0; p < n; p++) {
    upCnt[p + 1]! += upCnt[p]!;
    pullCnt[p + 1]! += pullCnt[p]!;
  }
  const upHead = i32(upCnt[n]!);
  const upSec = f64(upCnt[n]!);
  const upMeters = f64(upCnt[n]!);
  const pullTail = i32(pullCnt[n]!);
  const pullSec = f64(pullCnt[n]!);
  const pullMeters = f64(pullCnt[n]!);
  const fu = upCnt.slice(0, n);
  const fp = pullCnt.slice(0, n);
  for (let r = 0; r < n; r++) {
    const pLow = n - 1 - r;
    for (let a = upFirst[r]!; a < upFirst[r + 1]!; a++) {
      const pHigh = n - 1 - up[a]!;
      if (wUp[a]! < Infinity) {
        const k = fu[pLow]!++;
        upHead[k] = pHigh;
        upSec[k] = wUp[a]!;
        upMeters[k] = mUp[a]!;
      }
      if (wDown[a]! < Infinity) {
        // Step 1 pulls into the higher end from the lower: higher → lower is wDown.
        const k = fp[pHigh]!++;
        pullTail[k] = pLow;
        pullSec[k] = wDown[a]!;
        pullMeters[k] = mDown[a]!;
      }
    }
  }
  return {
    ch: {
      n,
      chPos,
      chNode,
      chUpFirst: upCnt,
      chUpHead: upHead,
      chUpSec: upSec,
      chUpMeters: upMeters,
      chPullFirst: pullCnt,
      chPullTail: pullTail,
      chPullSec: pullSec,
      chPullMeters: pullMeters,
      chCoreSize: 0,
      chCoreFirst: new Int32Array(1),
      chCoreTail: new Int32Array(0),
      chCoreSec: new Float64Array(0),
      chCoreMeters: new Float64Array(0),
    },
    stats: { orderMs, contractMs, customizeMs, arcs, maxUpDegree: maxUp },
  };
}
