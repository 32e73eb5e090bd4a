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
  /**
   * Binary heap, interleaved: h[2i] = key (seconds), h[2i+1] = node · 2^21 + source. Two values to
   * move per sift step instead of four; the metres are read back from the label when popped (an entry
   * is only acted on while it matches its label exactly).
   */
  private h: Float64Array;
  private size = 0;
  /** When set, every node's labels are recorded before their first change (scenarios, undo). */
  log: LabelLog | null = null;
  pops = 0;

  constructor(
    private readonly g: ReverseAdjacency,
    private readonly l: Labels,
    capacity = 1024,
  ) {
    this.h = new Float64Array(2 * capacity);
  }

  /** Queues v's current labels again (scenario repair continues from them). */
  requeue(v: number): void {
    const l = this.l;
    if (l.src0[v]! >= 0) this.push(l.sec0[v]!, v, l.src0[v]!);
    if (l.src1[v]! >= 0) this.push(l.sec1[v]!, v, l.src1[v]!);
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
    this.push(d, v, s);
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
      const h = this.h;
      const d = h[0]!;
      const payload = h[1]!;
      this.pop();
      const v = Math.floor(payload / SRC_SPAN);
      const s = payload - v * SRC_SPAN;
      // Stale entry: the label was improved (or displaced) after this entry was queued.
      let m: number;
      if (src0[v] === s && sec0[v] === d) m = l.m0[v]!;
      else if (src1[v] === s && sec1[v] === d) m = l.m1[v]!;
      else continue;
      this.pops++;
      const end = firstIn[v + 1]!;
      for (let e = firstIn[v]!; e < end; e++) {
        const u = inTail[e]!;
        if (restrict !== null && restrict[u] === 0) continue;
        this.improve(u, s, d + inSec[e]!, m + inMeters[e]!);
      }
    }
  }

  private push(d: number, v: number, s: number): void {
    if (2 * this.size === this.h.length) {
      const n = new Float64Array(this.h.length * 2);
      n.set(this.h);
      this.h = n;
    }
    const h = this.h;
    const payload = v * SRC_SPAN + s;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = h[2 * p]!;
      if (pk <= d) break;
      h[2 * i] = pk;
      h[2 * i + 1] = h[2 * p + 1]!;
      i = p;
    }
    h[2 * i] = d;
    h[2 * i + 1] = payload;
  }

  private pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const h = this.h;
    const d = h[2 * n]!;
    const payload = h[2 * n + 1]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && h[2 * c + 2]! < h[2 * c]!) c++;
      const ck = h[2 * c]!;
      if (ck >= d) break;
      h[2 * i] = ck;
      h[2 * i + 1] = h[2 * c + 1]!;
      i = c;
    }
    h[2 * i] = d;
    h[2 * i + 1] = payload;
  }
}

/** Sources are numbered below 2^21 (two million points); node · 2^21 + source stays an exact double. */
export const SRC_SPAN = 2 ** 21;
