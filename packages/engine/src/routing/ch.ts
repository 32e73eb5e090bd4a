/**
 * Contraction hierarchy over the routing graph, and PHAST-style one-to-all sweeps over it
 * (Geisberger et al. 2008; Delling, Goldberg, Nowatzyk, Werneck 2011).
 *
 * Nodes are contracted one by one (cheapest first: edge difference + contracted neighbours, lazily
 * re-evaluated); a shortcut u→w replaces u→v→w unless a short witness search finds a path at least as
 * good without v. Every edge then points from a lower to a higher node ("up") or the reverse.
 *
 * Contraction may stop at a dense core (mean out-degree above `coreDegree`), which stays uncontracted.
 * (routing/cch.ts builds the hierarchy the engine uses; this witness-based one is kept for reference.)
 *
 * Two nearest sources towards the services, for every node (phastTwoNearest), then takes:
 *  1. one sweep from the lowest node to the highest: each node pulls the labels of its lower
 *     neighbours plus the edge (all edges used go upwards from the sources, so this is exact);
 *  2. a two-label Dijkstra among the core nodes, if any;
 *  3. one sweep from the highest node to the lowest: a node's labels are the best of its own and,
 *     for each upward edge v→x, x's labels plus the edge. x is higher, so already final.
 * The sweeps run over arrays ordered by rank, so they read memory almost sequentially.
 */
import type { RoutingGraph } from '../graph/graph.ts';
import { allocLabels, plainBuffers, resetLabels, type BufferFactory, type Labels, type Seeds } from './labels.ts';
import { TwoNearestSearch } from './search.ts';

export interface ContractionHierarchy {
  n: number;
  /** Sweep position of every node: 0 = highest rank (contracted last). */
  chPos: Int32Array;
  /** Node at each sweep position. */
  chNode: Int32Array;
  /** Upward edges v→x per sweep position (targets are positions, all smaller). */
  chUpFirst: Int32Array;
  chUpHead: Int32Array;
  chUpSec: Float64Array;
  chUpMeters: Float64Array;
  /** Per position y: edges y→z to lower z (step 1 pulls z's labels into y; targets are larger positions). */
  chPullFirst: Int32Array;
  chPullTail: Int32Array;
  chPullSec: Float64Array;
  chPullMeters: Float64Array;
  /** Positions 0..chCoreSize-1 are the uncontracted core; its edges u→v listed per head v. */
  chCoreSize: number;
  chCoreFirst: Int32Array;
  chCoreTail: Int32Array;
  chCoreSec: Float64Array;
  chCoreMeters: Float64Array;
}

export interface ChBuildStats {
  shortcuts: number;
  core: number;
  coreEdges: number;
  ms: number;
}

/** Binary min-heap of (key, node) with lazy deletion handled by the caller. */
class MinHeap {
  keys: Float64Array;
  vals: Int32Array;
  size = 0;
  constructor(cap = 1024) {
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap);
  }
  push(k: number, v: number): void {
    if (this.size === this.keys.length) {
      const nk = new Float64Array(this.size * 2);
      nk.set(this.keys);
      this.keys = nk;
      const nv = new Int32Array(this.size * 2);
      nv.set(this.vals);
      this.vals = nv;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= k) break;
      this.keys[i] = this.keys[p]!;
      this.vals[i] = this.vals[p]!;
      i = p;
    }
    this.keys[i] = k;
    this.vals[i] = v;
  }
  /** Removes the minimum; read keys[0]/vals[0] before calling. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const k = this.keys[n]!;
    const v = this.vals[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= k) break;
      this.keys[i] = this.keys[c]!;
      this.vals[i] = this.vals[c]!;
      i = c;
    }
    this.keys[i] = k;
    this.vals[i] = v;
  }
}

/** Builds the hierarchy. Takes tens of seconds on a national graph; cache it with the graph. */
export function buildContractionHierarchy(
  g: RoutingGraph,
  opts: { witnessSettleLimit?: number; coreDegree?: number } = {},
): { ch: ContractionHierarchy; stats: ChBuildStats } {
  const t0 = performance.now();
  const n = g.n;
  const settleLimit = opts.witnessSettleLimit ?? 60;
  // Contraction stops when the remaining graph's mean out-degree passes this: that dense core is
  // searched with a plain two-label Dijkstra instead (core-based CH), which keeps preprocessing bounded.
  const coreDegree = opts.coreDegree ?? 6;
  let liveEdges = 0;
  // Dynamic adjacency: flat [node, sec, meters, ...] per node; contracted neighbours are skipped lazily.
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  const addEdge = (u: number, w: number, s: number, m: number): boolean => {
    if (u === w) return false;
    const ou = out[u]!;
    for (let i = 0; i < ou.length; i += 3) {
      if (ou[i] === w) {
        if (ou[i + 1]! <= s) return false;
        ou[i + 1] = s;
        ou[i + 2] = m;
        const iw = inn[w]!;
        for (let j = 0; j < iw.length; j += 3)
          if (iw[j] === u) {
            iw[j + 1] = s;
            iw[j + 2] = m;
          }
        return true;
      }
    }
    ou.push(w, s, m);
    inn[w]!.push(u, s, m);
    liveEdges++;
    return true;
  };
  for (let e = 0; e < g.m; e++) addEdge(g.tail[e]!, g.head[e]!, g.sec[e]!, g.meters[e]!);

  const contracted = new Uint8Array(n);
  const deletedNeighbours = new Int32Array(n);
  const rank = new Int32Array(n);
  // Witness search state, reset through the touched list.
  const dist = new Float64Array(n).fill(Infinity);
  const touched: number[] = [];
  const wheap = new MinHeap();

  /** Distances from u avoiding v, up to maxDist or settleLimit settled nodes. */
  const witness = (u: number, v: number, maxDist: number): void => {
    for (const x of touched) dist[x] = Infinity;
    touched.length = 0;
    dist[u] = 0;
    touched.push(u);
    wheap.size = 0;
    wheap.push(0, u);
    let settled = 0;
    while (wheap.size > 0) {
      const d = wheap.keys[0]!;
      const x = wheap.vals[0]!;
      wheap.pop();
      if (d > dist[x]!) continue;
      if (d > maxDist || ++settled > settleLimit) break;
      const ox = out[x]!;
      for (let i = 0; i < ox.length; i += 3) {
        const y = ox[i]!;
        if (y === v || contracted[y]) continue;
        const nd = d + ox[i + 1]!;
        if (nd < dist[y]!) {
          if (dist[y] === Infinity) touched.push(y);
          dist[y] = nd;
          wheap.push(nd, y);
        }
      }
    }
  };

  /** Shortcuts needed to contract v, as flat [u, w, sec, meters, ...]; also the live degree. */
  const shortcutBuf: number[] = [];
  const simulate = (v: number): { shortcuts: number; degree: number } => {
    shortcutBuf.length = 0;
    const iv = inn[v]!;
    const ov = out[v]!;
    let maxOut = 0;
    let degree = 0;
    for (let j = 0; j < ov.length; j += 3)
      if (!contracted[ov[j]!]) {
        maxOut = Math.max(maxOut, ov[j + 1]!);
        degree++;
      }
    for (let i = 0; i < iv.length; i += 3) {
      const u = iv[i]!;
      if (contracted[u]) continue;
      degree++;
      const su = iv[i + 1]!;
      const mu = iv[i + 2]!;
      let needSearch = false;
      for (let j = 0; j < ov.length; j += 3) if (!contracted[ov[j]!] && ov[j] !== u) needSearch = true;
      if (!needSearch) continue;
      witness(u, v, su + maxOut);
      for (let j = 0; j < ov.length; j += 3) {
        const w = ov[j]!;
        if (contracted[w] || w === u) continue;
        const via = su + ov[j + 1]!;
        if (dist[w]! > via) shortcutBuf.push(u, w, via, mu + ov[j + 2]!);
      }
    }
    return { shortcuts: shortcutBuf.length / 4, degree };
  };
  const level = new Int32Array(n);
  // Edge difference, contracted neighbours and depth (Geisberger et al.): spreads contraction evenly.
  const priority = (v: number): number => {
    const { shortcuts, degree } = simulate(v);
    return 2 * (shortcuts - degree) + deletedNeighbours[v]! + level[v]!;
  };

  const pq = new MinHeap(n);
  const prio = new Float64Array(n);
  for (let v = 0; v < n; v++) pq.push((prio[v] = priority(v)), v);
  // Final edges, recorded when their lower end is contracted.
  const upFrom: number[] = [];
  const upTo: number[] = [];
  const upSec: number[] = [];
  const upM: number[] = [];
  const downFrom: number[] = [];
  const downTo: number[] = [];
  const downSec: number[] = [];
  const downM: number[] = [];
  let shortcuts = 0;
  let next = 0;
  let remaining = n;
  while (pq.size > 0) {
    if (liveEdges > coreDegree * remaining) break;
    const v = pq.vals[0]!;
    const key = pq.keys[0]!;
    pq.pop();
    // Skip entries superseded by a later re-evaluation.
    if (contracted[v] || key !== prio[v]) continue;
    // Lazy update: re-evaluate; if no longer the cheapest, put it back.
    const p = priority(v);
    if (pq.size > 0 && p > pq.keys[0]!) {
      prio[v] = p;
      pq.push(p, v);
      continue;
    }
    const sc = shortcutBuf.slice();
    const ov = out[v]!;
    for (let j = 0; j < ov.length; j += 3) {
      const w = ov[j]!;
      if (contracted[w]) continue;
      {
        upFrom.push(v);
        upTo.push(w);
        upSec.push(ov[j + 1]!);
        upM.push(ov[j + 2]!);
      }
      deletedNeighbours[w]!++;
    }
    const iv = inn[v]!;
    for (let i = 0; i < iv.length; i += 3) {
      const u = iv[i]!;
      if (contracted[u]) continue;
      {
        downFrom.push(u);
        downTo.push(v);
        downSec.push(iv[i + 1]!);
        downM.push(iv[i + 2]!);
      }
      deletedNeighbours[u]!++;
    }
    contracted[v] = 1;
    rank[v] = next++;
    remaining--;
    liveEdges -= (ov.length + iv.length) / 3;
    for (let k = 0; k < sc.length; k += 4) if (addEdge(sc[k]!, sc[k + 1]!, sc[k + 2]!, sc[k + 3]!)) shortcuts++;
    // Neighbours: one level deeper at least, and their priority changed: re-queue them now.
    const nb = new Set<number>();
    for (let j = 0; j < ov.length; j += 3) if (!contracted[ov[j]!]) nb.add(ov[j]!);
    for (let i = 0; i < iv.length; i += 3) if (!contracted[iv[i]!]) nb.add(iv[i]!);
    // Drop v from its neighbours' lists so that later searches do not wade through dead entries.
    const drop = (list: number[]): void => {
      let k = 0;
      for (let i = 0; i < list.length; i += 3)
        if (list[i] !== v) {
          list[k++] = list[i]!;
          list[k++] = list[i + 1]!;
          list[k++] = list[i + 2]!;
        }
      list.length = k;
    };
    for (const w of nb) {
      drop(out[w]!);
      drop(inn[w]!);
    }
    for (const w of nb) {
      if (level[w]! < level[v]! + 1) level[w] = level[v]! + 1;
      const pw = priority(w);
      if (pw !== prio[w]) pq.push((prio[w] = pw), w);
    }
    // Free memory of the contracted node's lists (its edges are recorded above).
    out[v] = [];
    inn[v] = [];
  }

  // The core: whatever is left, ranked above everything contracted.
  const coreNodes: number[] = [];
  for (let v = 0; v < n; v++) if (!contracted[v]) coreNodes.push(v);
  for (const v of coreNodes) rank[v] = next++;
  const K = coreNodes.length;
  // Sweep positions: highest rank first.
  const chPos = new Int32Array(n);
  const chNode = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    chPos[v] = n - 1 - rank[v]!;
    chNode[n - 1 - rank[v]!] = v;
  }
  const csr = (from: number[], to: number[], sec: number[], m: number[], byFrom: boolean) => {
    const cnt = from.length;
    const first = new Int32Array(n + 1);
    const key = (i: number) => chPos[byFrom ? from[i]! : to[i]!]!;
    const other = (i: number) => chPos[byFrom ? to[i]! : from[i]!]!;
    for (let i = 0; i < cnt; i++) first[key(i) + 1]!++;
    for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
    const fill = first.slice(0, n);
    const adj = new Int32Array(cnt);
    const s = new Float64Array(cnt);
    const mm = new Float64Array(cnt);
    for (let i = 0; i < cnt; i++) {
      const k = fill[key(i)]!++;
      adj[k] = other(i);
      s[k] = sec[i]!;
      mm[k] = m[i]!;
    }
    return { first, adj, s, mm };
  };
  const up = csr(upFrom, upTo, upSec, upM, true);
  // Core edges u→v (both in the core), listed per head v as a reverse adjacency over positions < K.
  const coreFirst = new Int32Array(K + 1);
  const coreTail: number[] = [];
  const coreSec: number[] = [];
  const coreM: number[] = [];
  for (let p = 0; p < K; p++) {
    const iv = inn[chNode[p]!]!;
    for (let i = 0; i < iv.length; i += 3) {
      coreTail.push(chPos[iv[i]!]!);
      coreSec.push(iv[i + 1]!);
      coreM.push(iv[i + 2]!);
    }
    coreFirst[p + 1] = coreTail.length;
  }
  // For step 1, position y lists the lower z of its edges y→z.
  const down = csr(downFrom, downTo, downSec, downM, true);
  return {
    ch: {
      n,
      chPos,
      chNode,
      chUpFirst: up.first,
      chUpHead: up.adj,
      chUpSec: up.s,
      chUpMeters: up.mm,
      chPullFirst: down.first,
      chPullTail: down.adj,
      chPullSec: down.s,
      chPullMeters: down.mm,
      chCoreSize: K,
      chCoreFirst: coreFirst,
      chCoreTail: Int32Array.from(coreTail),
      chCoreSec: Float64Array.from(coreSec),
      chCoreMeters: Float64Array.from(coreM),
    },
    stats: { shortcuts, core: K, coreEdges: coreTail.length, ms: performance.now() - t0 },
  };
}

/**
 * Two nearest distinct sources for every node via the hierarchy: an upward two-label search from the
 * sources, then one downward sweep. Same answers as the plain search (see the property tests).
 */
export function phastTwoNearest(ch: ContractionHierarchy, seeds: Seeds, alloc: BufferFactory = plainBuffers): Labels {
  const n = ch.n;
  const lp = allocLabels(n, plainBuffers);
  resetLabels(lp);
  // Step 1: sources up the hierarchy. Every edge used goes from a lower to a higher node, so one pass
  // from the lowest node to the highest (positions n-1 … 0), pulling from lower neighbours, is exact:
  // no priority queue needed.
  const pos = ch.chPos;
  for (let i = 0; i < seeds.node.length; i++) offer(lp, pos[seeds.node[i]!]!, seeds.src[i]!, seeds.sec[i]!, seeds.m[i]!);
  sweep(lp, ch.chPullFirst, ch.chPullTail, ch.chPullSec, ch.chPullMeters, n - 1, -1);
  // Core: a two-label Dijkstra among the core nodes, starting from what step 1 brought up.
  const K = ch.chCoreSize;
  if (K > 0) {
    const core = new TwoNearestSearch(
      { n: K, firstIn: ch.chCoreFirst, inTail: ch.chCoreTail, inSec: ch.chCoreSec, inMeters: ch.chCoreMeters },
      lp,
      4 * K + 16,
    );
    for (let p = 0; p < K; p++) core.requeue(p);
    core.run();
  }
  // Step 2: down the hierarchy, highest to lowest, pulling from higher neighbours.
  sweep(lp, ch.chUpFirst, ch.chUpHead, ch.chUpSec, ch.chUpMeters, K, n);
  // Back to node ids.
  const { src0, sec0, m0, src1, sec1, m1 } = lp;
  const out = allocLabels(n, alloc);
  const node = ch.chNode;
  for (let p = 0; p < n; p++) {
    const v = node[p]!;
    out.src0[v] = src0[p]!;
    out.sec0[v] = sec0[p]!;
    out.m0[v] = m0[p]!;
    out.src1[v] = src1[p]!;
    out.sec1[v] = sec1[p]!;
    out.m1[v] = m1[p]!;
  }
  return out;
}

/** Offers source s at distance d to position v's two labels. */
function offer(l: Labels, v: number, s: number, d: number, m: number): void {
  if (s === l.src0[v]) {
    if (d < l.sec0[v]!) {
      l.sec0[v] = d;
      l.m0[v] = m;
    }
  } else if (d < l.sec0[v]!) {
    l.src1[v] = l.src0[v]!;
    l.sec1[v] = l.sec0[v]!;
    l.m1[v] = l.m0[v]!;
    l.src0[v] = s;
    l.sec0[v] = d;
    l.m0[v] = m;
  } else if (d < l.sec1[v]!) {
    l.src1[v] = s;
    l.sec1[v] = d;
    l.m1[v] = m;
  }
}

/**
 * Visits positions from `from` towards `to` (exclusive); each takes the best two distinct sources among
 * its own labels and its listed neighbours' labels plus the edge. Neighbours must come earlier in the
 * visiting order, which the hierarchy guarantees.
 */
function sweep(l: Labels, first: Int32Array, adj: Int32Array, es: Float64Array, em: Float64Array, from: number, to: number): void {
  const { src0, sec0, m0, src1, sec1, m1 } = l;
  const step = from < to ? 1 : -1;
  for (let v = from; v !== to; v += step) {
    const end = first[v + 1]!;
    let e = first[v]!;
    if (e === end) continue;
    let a0 = src0[v]!;
    let d0 = sec0[v]!;
    let k0 = m0[v]!;
    let a1 = src1[v]!;
    let d1 = sec1[v]!;
    let k1 = m1[v]!;
    for (; e < end; e++) {
      const x = adj[e]!;
      const w = es[e]!;
      const wm = em[e]!;
      for (let side = 0; side < 2; side++) {
        const s = side === 0 ? src0[x]! : src1[x]!;
        if (s < 0) break;
        const d = (side === 0 ? sec0[x]! : sec1[x]!) + w;
        // x's second is no nearer than its first, so neither can help once the first cannot.
        if (d >= d1 && s !== a0) break;
        const m = (side === 0 ? m0[x]! : m1[x]!) + wm;
        if (s === a0) {
          if (d < d0) {
            d0 = d;
            k0 = m;
          }
        } else if (d < d0) {
          a1 = a0;
          d1 = d0;
          k1 = k0;
          a0 = s;
          d0 = d;
          k0 = m;
        } else if (d < d1) {
          a1 = s;
          d1 = d;
          k1 = m;
        }
      }
    }
    src0[v] = a0;
    sec0[v] = d0;
    m0[v] = k0;
    src1[v] = a1;
    sec1[v] = d1;
    m1[v] = k1;
  }
}
