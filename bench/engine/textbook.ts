/**
 * The comparison baseline: a plain textbook implementation of the same analysis — an object graph
 * (one object per node, one per edge, no contraction), a binary heap of entry objects, multi-source
 * Dijkstra on the reverse graph with nearest + second-nearest distinct labels, and origins and points
 * attached to their nearest node through a simple grid.
 */
import type { BaseNetwork } from '../../packages/engine/src/graph/base.ts';
import { DIR_BWD, DIR_FWD } from '../../packages/engine/src/graph/base.ts';
import type { Origin, ServicePoint } from '../../packages/engine/src/analysis/points.ts';
import type { ServiceType } from '../../packages/engine/src/osm/services.ts';

interface Edge {
  from: TNode;
  sec: number;
  meters: number;
}
interface TNode {
  id: number;
  lon: number;
  lat: number;
  incoming: Edge[];
  label: { src: number; sec: number; meters: number }[];
  tentative: { src: number; sec: number; meters: number }[];
  settled: number;
}
interface Entry {
  sec: number;
  meters: number;
  node: TNode;
  src: number;
}

class BinaryHeap {
  private items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.sec <= e.sec) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = e;
  }
  pop(): Entry {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && a[c + 1]!.sec < a[c]!.sec) c++;
        if (a[c]!.sec >= last.sec) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

export function buildObjectGraph(net: BaseNetwork): TNode[] {
  const nodes: TNode[] = [];
  for (let i = 0; i < net.lon.length; i++)
    nodes.push({ id: i, lon: net.lon[i]!, lat: net.lat[i]!, incoming: [], label: [], tentative: [], settled: 0 });
  for (let s = 0; s < net.segA.length; s++) {
    const a = nodes[net.segA[s]!]!;
    const b = nodes[net.segB[s]!]!;
    if (net.segDir[s]! & DIR_FWD) b.incoming.push({ from: a, sec: net.segSec[s]!, meters: net.segMeters[s]! });
    if (net.segDir[s]! & DIR_BWD) a.incoming.push({ from: b, sec: net.segSec[s]!, meters: net.segMeters[s]! });
  }
  return nodes;
}

/** Nearest node by a uniform grid (0.02° cells). */
function nearestNodes(nodes: TNode[], places: { lon: number; lat: number }[]): TNode[] {
  const cell = 0.02;
  const grid = new Map<string, TNode[]>();
  for (const n of nodes) {
    const k = `${Math.floor(n.lon / cell)},${Math.floor(n.lat / cell)}`;
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(n);
  }
  return places.map((p) => {
    const cx = Math.floor(p.lon / cell);
    const cy = Math.floor(p.lat / cell);
    let best: TNode = nodes[0]!;
    let bd = Infinity;
    for (let r = 0; r < 50 && bd === Infinity; r++) {
      for (let x = cx - r; x <= cx + r; x++) {
        for (let y = cy - r; y <= cy + r; y++) {
          for (const n of grid.get(`${x},${y}`) ?? []) {
            const dx = (n.lon - p.lon) * Math.cos((p.lat * Math.PI) / 180);
            const dy = n.lat - p.lat;
            const d = dx * dx + dy * dy;
            if (d < bd) {
              bd = d;
              best = n;
            }
          }
        }
      }
    }
    return best;
  });
}

export interface TextbookResult {
  snapMs: number;
  computeMs: number;
  reached: number;
  meanSec: Record<string, number>;
}

export function textbookAnalysis(nodes: TNode[], points: ServicePoint[], origins: Origin[], types: readonly ServiceType[]): TextbookResult {
  let t = performance.now();
  const pNodes = nearestNodes(nodes, points);
  const oNodes = nearestNodes(nodes, origins);
  const snapMs = performance.now() - t;
  t = performance.now();
  let reached = 0;
  const meanSec: Record<string, number> = {};
  for (const type of types) {
    for (const n of nodes) {
      n.label = [];
      n.tentative = [];
      n.settled = 0;
    }
    const heap = new BinaryHeap();
    // Tentative labels (the textbook dist[] check, for two distinct sources): push only improvements.
    const offer = (u: TNode, src: number, sec: number, meters: number): void => {
      const t = u.tentative;
      const same = t.find((x) => x.src === src);
      if (same) {
        if (sec >= same.sec) return;
        same.sec = sec;
        same.meters = meters;
      } else if (t.length < 2) t.push({ src, sec, meters });
      else {
        const worst = t[0]!.sec >= t[1]!.sec ? 0 : 1;
        if (sec >= t[worst]!.sec) return;
        t[worst] = { src, sec, meters };
      }
      heap.push({ sec, meters, node: u, src });
    };
    points.forEach((p, i) => {
      if (p.type === type) offer(pNodes[i]!, i, 0, 0);
    });
    while (heap.size > 0) {
      const e = heap.pop();
      const v = e.node;
      if (v.settled >= 2 || v.label.some((l) => l.src === e.src)) continue;
      v.label.push({ src: e.src, sec: e.sec, meters: e.meters });
      v.settled++;
      for (const edge of v.incoming) {
        const u = edge.from;
        if (u.settled >= 2 || u.label.some((l) => l.src === e.src)) continue;
        offer(u, e.src, e.sec + edge.sec, e.meters + edge.meters);
      }
    }
    let sum = 0;
    for (const o of oNodes) {
      if (o.label.length) {
        reached++;
        sum += o.label[0]!.sec;
      }
    }
    meanSec[type] = sum / oNodes.length;
  }
  return { snapMs, computeMs: performance.now() - t, reached, meanSec };
}
