import type { LabelLog } from './changelog.ts';
import type { Labels, Seeds } from './labels.ts';

/** The reverse adjacency the search walks: for node v, edges u → v with their time and length. */
export interface ReverseAdjacency {
  n: number;
  firstIn: Int32Array;
  inTail: Int32Array;
  inSec: Float64Array;
  inMeters: Float64Array;
}

/**
 * Multi-source Dijkstra on the reverse graph keeping, per node, the two nearest *distinct* sources.
 * A (node, source) pair enters the queue only if it improves one of the node's two labels, so each
 * node is expanded at most twice per label improvement chain — about twice a plain Dijkstra.
 *
 * Why this is exact: if source s is pruned at x because x already has two sources at most as far,
 * both of them are at most as far as s from every node reached through x as well.
 *
 * Labels are updated in place, which is what lets scenarios continue from an existing result.
 */
export class TwoNearestSearch {
  private keys: Float64Array;
  private nodes: Int32Array;
  private srcs: Int32Array;
  private ms: Float64Array;
  private size = 0;
  /** When set, every node's labels are recorded before their first change (scenarios, undo). */
  log: LabelLog | null = null;
  pops = 0;

  constructor(
    private readonly g: ReverseAdjacency,
    private readonly l: Labels,
    capacity = 1024,
  ) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
    this.srcs = new Int32Array(capacity);
    this.ms = new Float64Array(capacity);
  }

  /** Queues v's current labels again (scenario repair continues from them). */
  requeue(v: number): void {
    const l = this.l;
    if (l.src0[v]! >= 0) this.push(l.sec0[v]!, v, l.src0[v]!, l.m0[v]!);
    if (l.src1[v]! >= 0) this.push(l.sec1[v]!, v, l.src1[v]!, l.m1[v]!);
  }

  seed(seeds: Seeds): void {
    for (let i = 0; i < seeds.node.length; i++) this.improve(seeds.node[i]!, seeds.src[i]!, seeds.sec[i]!, seeds.m[i]!);
  }

  /** Offers source s at distance d to node v; queues it if it becomes one of v's two labels. */
  improve(v: number, s: number, d: number, m: number): void {
    const l = this.l;
    const sec0 = l.sec0[v]!;
    if (s === l.src0[v]) {
      if (d >= sec0) return;
      if (this.log !== null) this.log.record(v);
      l.sec0[v] = d;
      l.m0[v] = m;
    } else {
      if (d >= l.sec1[v]!) return;
      if (this.log !== null) this.log.record(v);
      if (d < sec0) {
        // s becomes nearest; the old nearest (≠ s) becomes second, whatever the second was before.
        l.src1[v] = l.src0[v]!;
        l.sec1[v] = sec0;
        l.m1[v] = l.m0[v]!;
        l.src0[v] = s;
        l.sec0[v] = d;
        l.m0[v] = m;
      } else {
        l.src1[v] = s;
        l.sec1[v] = d;
        l.m1[v] = m;
      }
    }
    this.push(d, v, s, m);
  }

  /**
   * Runs to exhaustion. With `restrict`, only nodes marked there are relaxed into (scenario repair:
   * the rest of the graph keeps its labels).
   */
  run(restrict: Uint8Array | null = null): void {
    const { firstIn, inTail, inSec, inMeters } = this.g;
    const l = this.l;
    const src0 = l.src0;
    const src1 = l.src1;
    const sec0 = l.sec0;
    const sec1 = l.sec1;
    while (this.size > 0) {
      const d = this.keys[0]!;
      const v = this.nodes[0]!;
      const s = this.srcs[0]!;
      const m = this.ms[0]!;
      this.pop();
      // Stale entry: the label was improved (or displaced) after this entry was queued.
      if (!((src0[v] === s && sec0[v] === d) || (src1[v] === s && sec1[v] === d))) continue;
      this.pops++;
      const end = firstIn[v + 1]!;
      for (let e = firstIn[v]!; e < end; e++) {
        const u = inTail[e]!;
        if (restrict !== null && restrict[u] === 0) continue;
        this.improve(u, s, d + inSec[e]!, m + inMeters[e]!);
      }
    }
  }

  private push(d: number, v: number, s: number, m: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    const srcs = this.srcs;
    const ms = this.ms;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= d) break;
      keys[i] = pk;
      nodes[i] = nodes[p]!;
      srcs[i] = srcs[p]!;
      ms[i] = ms[p]!;
      i = p;
    }
    keys[i] = d;
    nodes[i] = v;
    srcs[i] = s;
    ms[i] = m;
  }

  private pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const keys = this.keys;
    const nodes = this.nodes;
    const srcs = this.srcs;
    const ms = this.ms;
    const d = keys[n]!;
    const v = nodes[n]!;
    const s = srcs[n]!;
    const m = ms[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && keys[r]! < keys[c]!) c = r;
      const ck = keys[c]!;
      if (ck >= d) break;
      keys[i] = ck;
      nodes[i] = nodes[c]!;
      srcs[i] = srcs[c]!;
      ms[i] = ms[c]!;
      i = c;
    }
    keys[i] = d;
    nodes[i] = v;
    srcs[i] = s;
    ms[i] = m;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const k = new Float64Array(cap);
    k.set(this.keys);
    this.keys = k;
    const nd = new Int32Array(cap);
    nd.set(this.nodes);
    this.nodes = nd;
    const sr = new Int32Array(cap);
    sr.set(this.srcs);
    this.srcs = sr;
    const mm = new Float64Array(cap);
    mm.set(this.ms);
    this.ms = mm;
  }
}
