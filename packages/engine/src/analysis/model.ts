import type { RoutingGraph } from '../graph/graph.ts';
import type { ServiceType } from '../osm/services.ts';
import { twoNearestMany } from '../parallel/pool.ts';
import type { Profile } from '../profile.ts';
import { LabelLog } from '../routing/changelog.ts';
import type { Labels, Seeds } from '../routing/labels.ts';
import { SRC_SPAN, TwoNearestSearch } from '../routing/search.ts';
import type { Origin, ServicePoint } from './points.ts';
import {
  allocResults,
  readResult,
  ST_NO_ROAD,
  ST_OK,
  ST_STRAIGHT,
  ST_UNREACHABLE,
  TopTwo,
  writeResult,
  type OriginResult,
  type TypeResults,
} from './results.ts';
import { snapAll, type Snaps } from './snap.ts';
import { twoNearestStraight } from './straight.ts';

export interface StraightLineOptions {
  /** Road distance ≈ straight-line distance × this. */
  detour: number;
  kmh: number;
}

export interface ModelOptions {
  /** null: no road network, straight-line fallback for everything. */
  graph: RoutingGraph | null;
  points: ServicePoint[];
  origins: Origin[];
  types: readonly ServiceType[];
  profile: Profile;
  straightLine?: StraightLineOptions;
  threads?: number;
  /** Graphs with fewer junctions are analysed in the calling thread (default SMALL_GRAPH). */
  minWorkerGraph?: number;
}

export interface ScenarioInput {
  close?: string[];
  open?: { id: string; type: ServiceType; lon: number; lat: number; name?: string }[];
  move?: { id: string; lon: number; lat: number }[];
}

export interface OriginChange {
  origin: number;
  before: OriginResult;
  after: OriginResult;
}

export interface ScenarioOutcome {
  /** Per type, the origins whose result changed. */
  changes: Partial<Record<ServiceType, OriginChange[]>>;
  /** Origins recomputed (≥ changed), per type. */
  recomputed: Partial<Record<ServiceType, number>>;
  /** Undo the scenario (restores labels, results and the point list). */
  revert(): void;
}

/** A place's reachable positions on contracted edges: up to two (one per drivable direction). */
interface Attach {
  ce0: number;
  pos0: number;
  posM0: number;
  ce1: number;
  pos1: number;
  posM1: number;
}

interface TypeState {
  type: ServiceType;
  labels: Labels | null;
  results: TypeResults;
  /** contracted edge → indices of this type's points on it (for same-edge trips). */
  onEdge: Map<number, number[]>;
}

export interface Timings {
  snap: number;
  compute: number;
}

/**
 * Accessibility for a set of origins and service points: nearest and second-nearest point of each
 * type, with scenarios (close / open / move) that repair only what they affect.
 */
export class AccessibilityModel {
  readonly points: ServicePoint[];
  readonly active: boolean[];
  readonly origins: Origin[];
  readonly types: readonly ServiceType[];
  readonly graph: RoutingGraph | null;
  readonly profile: Profile;
  readonly straight: StraightLineOptions;
  private readonly pointIndex = new Map<string, number>();
  private originAttach: Attach[] = [];
  private originLegSec!: Float64Array;
  private originLegM!: Float64Array;
  private pointAttach: (Attach | null)[] = [];
  private pointLegSec: number[] = [];
  private pointLegM: number[] = [];
  private readonly state = new Map<ServiceType, TypeState>();
  readonly timings: Timings = { snap: 0, compute: 0 };
  private readonly top = new TopTwo();
  private readonly minWorkerGraph: number;

  private constructor(o: ModelOptions) {
    this.graph = o.graph;
    this.points = o.points.map((p) => ({ ...p }));
    this.active = this.points.map(() => true);
    this.origins = o.origins;
    this.types = o.types;
    this.profile = o.profile;
    this.straight = o.straightLine ?? { detour: 1.3, kmh: 60 };
    this.minWorkerGraph = o.minWorkerGraph ?? SMALL_GRAPH;
    if (this.points.length >= SRC_SPAN / 2)
      throw new Error(`too many service points (${this.points.length}); the engine handles up to ${SRC_SPAN / 2}`);
    this.points.forEach((p, i) => {
      const key = `${p.type}\u0000${p.id}`;
      if (this.pointIndex.has(key)) throw new Error(`duplicate point id ${p.id} for type ${p.type}`);
      this.pointIndex.set(key, i);
    });
  }

  static async create(o: ModelOptions): Promise<AccessibilityModel> {
    const m = new AccessibilityModel(o);
    if (!m.graph) {
      const t = performance.now();
      await m.computeAll(o.threads ?? 1, () => {});
      m.timings.compute = performance.now() - t;
      return m;
    }
    // The points are snapped first; while the searches from them run on the worker threads, this
    // thread snaps the origins. `snap` is this thread's snapping, `compute` the rest of the wall time.
    const t = performance.now();
    m.snapPoints();
    let snapMs = 0;
    await m.computeAll(o.threads ?? 1, () => {
      const ts = performance.now();
      m.snapOrigins();
      snapMs += performance.now() - ts;
    });
    m.timings.snap = snapMs;
    m.timings.compute = performance.now() - t - snapMs;
    return m;
  }

  results(type: ServiceType): TypeResults {
    const s = this.state.get(type);
    if (!s) throw new Error(`type ${type} was not computed`);
    return s.results;
  }

  /** Labels of every routing-graph node for a type (null in straight-line mode). */
  labels(type: ServiceType): Labels | null {
    return this.state.get(type)?.labels ?? null;
  }

  private attachOf(seg: number, t: number): Attach {
    const g = this.graph!;
    const a: Attach = { ce0: -1, pos0: 0, posM0: 0, ce1: -1, pos1: 0, posM1: 0 };
    const ceF = g.segCeF[seg]!;
    const ceB = g.segCeB[seg]!;
    if (ceF >= 0) {
      a.ce0 = ceF;
      a.pos0 = g.segPosF[seg]! + t * g.segSec[seg]!;
      a.posM0 = g.segPosFM[seg]! + t * g.segMeters[seg]!;
    }
    if (ceB >= 0) {
      a.ce1 = ceB;
      a.pos1 = g.segPosB[seg]! + (1 - t) * g.segSec[seg]!;
      a.posM1 = g.segPosBM[seg]! + (1 - t) * g.segMeters[seg]!;
    }
    return a;
  }

  private snapOrigins(): void {
    const g = this.graph!;
    const spm = 3.6 / this.profile.snap_kmh;
    const on = this.origins;
    const os = snapAll(
      g,
      Float64Array.from(on, (x) => x.lon),
      Float64Array.from(on, (x) => x.lat),
      this.profile.max_snap_m,
    );
    this.originLegM = os.meters;
    this.originLegSec = new Float64Array(on.length);
    this.originAttach = new Array(on.length);
    for (let i = 0; i < on.length; i++) {
      this.originLegSec[i] = os.meters[i]! * spm;
      this.originAttach[i] = os.seg[i]! >= 0 ? this.attachOf(os.seg[i]!, os.t[i]!) : NO_ATTACH;
    }
  }

  private snapPoints(): void {
    const g = this.graph!;
    const ps = snapAll(
      g,
      Float64Array.from(this.points, (x) => x.lon),
      Float64Array.from(this.points, (x) => x.lat),
      this.profile.max_snap_m,
    );
    for (let i = 0; i < this.points.length; i++) this.setPointSnap(i, ps, i);
  }

  private setPointSnap(i: number, ps: Snaps, k: number): void {
    const spm = 3.6 / this.profile.snap_kmh;
    this.pointAttach[i] = ps.seg[k]! >= 0 ? this.attachOf(ps.seg[k]!, ps.t[k]!) : null;
    this.pointLegM[i] = ps.meters[k]!;
    this.pointLegSec[i] = ps.meters[k]! * spm;
  }

  /** Points of a type that are open and on the network. */
  private activePoints(type: ServiceType): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.points.length; i++) if (this.active[i] && this.points[i]!.type === type) out.push(i);
    return out;
  }

  /** Points that could not be placed on the road network (further than max_snap_m). */
  pointsWithoutRoad(): ServicePoint[] {
    if (!this.graph) return [];
    return this.points.filter((_, i) => this.active[i] && this.pointAttach[i] === null);
  }

  private seedsFor(pts: number[]): Seeds {
    const g = this.graph!;
    const node: number[] = [];
    const src: number[] = [];
    const sec: number[] = [];
    const m: number[] = [];
    for (const p of pts) {
      const a = this.pointAttach[p];
      if (!a) continue;
      // Reaching the point along edge ce means reaching ce's tail, then driving pos along it.
      for (let side = 0; side < 2; side++) {
        const ce = side === 0 ? a.ce0 : a.ce1;
        if (ce < 0) continue;
        const pos = side === 0 ? a.pos0 : a.pos1;
        const posM = side === 0 ? a.posM0 : a.posM1;
        {
          node.push(g.tail[ce]!);
          src.push(p);
          sec.push(pos + this.pointLegSec[p]!);
          m.push(posM + this.pointLegM[p]!);
        }
        // A point exactly on the junction at the edge's end is reached there too, not only via the edge.
        if (pos === g.sec[ce] && posM === g.meters[ce]) {
          node.push(g.head[ce]!);
          src.push(p);
          sec.push(this.pointLegSec[p]!);
          m.push(this.pointLegM[p]!);
        }
      }
    }
    return { node: Int32Array.from(node), src: Int32Array.from(src), sec: Float64Array.from(sec), m: Float64Array.from(m) };
  }

  private edgeIndex(pts: number[]): Map<number, number[]> {
    const map = new Map<number, number[]>();
    const add = (ce: number, p: number): void => {
      if (ce < 0) return;
      const l = map.get(ce);
      if (l) {
        if (!l.includes(p)) l.push(p);
      } else map.set(ce, [p]);
    };
    for (const p of pts) {
      const a = this.pointAttach[p];
      if (a) {
        add(a.ce0, p);
        add(a.ce1, p);
      }
    }
    return map;
  }

  /** `meanwhile` runs on this thread while the searches run (on worker threads when there are any). */
  private async computeAll(threads: number, meanwhile: () => void): Promise<void> {
    if (!this.graph) {
      for (const type of this.types) {
        const results = allocResults(type, this.origins.length);
        const st: TypeState = { type, labels: null, results, onEdge: new Map() };
        this.state.set(type, st);
        this.recomputeStraight(st, null);
      }
      return;
    }
    const pointSets = this.types.map((t) => this.activePoints(t));
    const seeds = pointSets.map((p) => this.seedsFor(p));
    // With a hierarchy, two linear sweeps per type replace the searches (about half the work).
    // On small graphs starting worker threads costs more than all the searches together.
    const useThreads = this.graph.n < this.minWorkerGraph ? 1 : threads;
    // Each type's origins are evaluated as soon as its labels come back (once the origins are snapped).
    let snapped = false;
    const waiting: [number, Labels][] = [];
    const evaluateType = (k: number, labels: Labels): void => {
      const type = this.types[k]!;
      const st: TypeState = { type, labels, results: allocResults(type, this.origins.length), onEdge: this.edgeIndex(pointSets[k]!) };
      this.state.set(type, st);
      for (let o = 0; o < this.origins.length; o++) this.evaluate(st, o);
    };
    const pending = twoNearestMany(this.graph, seeds, useThreads, this.graph.ch ?? null, (k, labels) => {
      if (snapped) evaluateType(k, labels);
      else waiting.push([k, labels]);
    });
    pending.catch(() => {}); // awaited below; a failure while this thread snaps is not "unhandled"
    // Let the jobs reach the workers before this thread gets busy.
    if (useThreads > 1) await new Promise((resolve) => setImmediate(resolve));
    meanwhile();
    snapped = true;
    for (const [k, labels] of waiting) evaluateType(k, labels);
    await pending;
    // The state map in the order of the types, whatever order the labels came in.
    const states = this.types.map((t) => this.state.get(t)!);
    this.state.clear();
    this.types.forEach((t, k) => this.state.set(t, states[k]!));
  }


  /** Straight-line results for all origins (subset null) or for the listed ones. */
  private recomputeStraight(st: TypeState, subset: number[] | null): void {
    const pts = this.activePoints(st.type);
    const idx = subset ?? Array.from(this.origins.keys());
    const near = twoNearestStraight(
      Float64Array.from(pts, (p) => this.points[p]!.lon),
      Float64Array.from(pts, (p) => this.points[p]!.lat),
      Float64Array.from(idx, (o) => this.origins[o]!.lon),
      Float64Array.from(idx, (o) => this.origins[o]!.lat),
    );
    const r = st.results;
    const spm = 3.6 / this.straight.kmh;
    idx.forEach((o, k) => {
      const i0 = near.i0[k]!;
      const i1 = near.i1[k]!;
      r.status[o] = ST_STRAIGHT;
      r.nearest[o] = i0 >= 0 ? pts[i0]! : -1;
      r.meters[o] = i0 >= 0 ? near.d0[k]! * this.straight.detour : Infinity;
      r.sec[o] = r.meters[o]! * spm;
      r.second[o] = i1 >= 0 ? pts[i1]! : -1;
      r.meters2[o] = i1 >= 0 ? near.d1[k]! * this.straight.detour : Infinity;
      r.sec2[o] = r.meters2[o]! * spm;
    });
  }

  /** Origin result from the labels at the heads of its edges, plus points on its own edges. */
  private evaluate(st: TypeState, o: number): void {
    const r = st.results;
    const a = this.originAttach[o]!;
    if (a === NO_ATTACH) {
      r.status[o] = ST_NO_ROAD;
      r.nearest[o] = r.second[o] = -1;
      r.sec[o] = r.sec2[o] = r.meters[o] = r.meters2[o] = Infinity;
      return;
    }
    const g = this.graph!;
    const l = st.labels!;
    const top = this.top;
    top.reset();
    for (let side = 0; side < 2; side++) {
      const ce = side === 0 ? a.ce0 : a.ce1;
      if (ce < 0) continue;
      const pos = side === 0 ? a.pos0 : a.pos1;
      const posM = side === 0 ? a.posM0 : a.posM1;
      if (pos === 0 && posM === 0) {
        // Exactly on the junction at the edge's start: every road out of it is open to the origin.
        const t = g.tail[ce]!;
        top.offer(l.src0[t]!, l.sec0[t]!, l.m0[t]!);
        top.offer(l.src1[t]!, l.sec1[t]!, l.m1[t]!);
      }
      const h = g.head[ce]!;
      const rest = g.sec[ce]! - pos;
      const restM = g.meters[ce]! - posM;
      top.offer(l.src0[h]!, l.sec0[h]! + rest, l.m0[h]! + restM);
      top.offer(l.src1[h]!, l.sec1[h]! + rest, l.m1[h]! + restM);
      const same = st.onEdge.get(ce);
      if (same) {
        for (const p of same) {
          if (!this.active[p]) continue;
          const pa = this.pointAttach[p]!;
          for (let ps = 0; ps < 2; ps++) {
            if ((ps === 0 ? pa.ce0 : pa.ce1) !== ce) continue;
            const pp = ps === 0 ? pa.pos0 : pa.pos1;
            const ppM = ps === 0 ? pa.posM0 : pa.posM1;
            if (pp >= pos) top.offer(p, pp - pos + this.pointLegSec[p]!, ppM - posM + this.pointLegM[p]!);
          }
        }
      }
    }
    const legS = this.originLegSec[o]!;
    const legM = this.originLegM[o]!;
    r.nearest[o] = top.s0;
    r.sec[o] = top.d0 + legS;
    r.meters[o] = top.m0 + legM;
    r.second[o] = top.s1;
    r.sec2[o] = top.d1 + legS;
    r.meters2[o] = top.m1 + legM;
    r.status[o] = top.s0 >= 0 ? ST_OK : ST_UNREACHABLE;
  }

  /** Snap leg length of an origin (0 in straight-line mode, NaN when it found no road). */
  snapMeters(o: number): number {
    if (!this.graph) return 0;
    return this.originAttach[o] === NO_ATTACH ? NaN : this.originLegM[o]!;
  }

  pointIndexOf(type: ServiceType, id: string): number | undefined {
    return this.pointIndex.get(`${type}\u0000${id}`);
  }

  /**
   * Applies a scenario in place. Closing repairs the labels only on nodes whose nearest or second
   * was a closed point and recomputes only the origins that had it; opening runs a search from the
   * new point that stops wherever it does not enter a node's two labels. Move = close + open.
   */
  applyScenario(sc: ScenarioInput): ScenarioOutcome {
    const closeIdx = new Set<number>();
    const findAny = (id: string): number[] => {
      const out: number[] = [];
      for (const t of this.types) {
        const i = this.pointIndexOf(t, id);
        if (i !== undefined && this.active[i]) out.push(i);
      }
      return out;
    };
    const problems: string[] = [];
    for (const id of sc.close ?? []) {
      const f = findAny(id);
      if (!f.length) problems.push(`close: no open point with id ${id}`);
      f.forEach((i) => closeIdx.add(i));
    }
    const opens: ServicePoint[] = [];
    for (const p of sc.open ?? []) {
      if (!this.types.includes(p.type)) problems.push(`open: type ${p.type} is not being analysed`);
      else if (this.pointIndexOf(p.type, p.id) !== undefined) problems.push(`open: point ${p.id} (${p.type}) already exists`);
      else opens.push({ id: p.id, type: p.type, lon: p.lon, lat: p.lat, ...(p.name ? { name: p.name } : {}) });
    }
    for (const mv of sc.move ?? []) {
      const f = findAny(mv.id);
      if (!f.length) problems.push(`move: no open point with id ${mv.id}`);
      for (const i of f) {
        closeIdx.add(i);
        const old = this.points[i]!;
        opens.push({ ...old, lon: mv.lon, lat: mv.lat });
      }
    }
    if (problems.length) throw new Error(`invalid scenario: ${problems.join('; ')}`);

    const firstNew = this.points.length;
    const undoLabels: LabelLog[] = [];
    const undoResults: { st: TypeState; changes: OriginChange[] }[] = [];
    const outcome: ScenarioOutcome = { changes: {}, recomputed: {}, revert: () => {} };
    const indexBefore = new Map(this.pointIndex);

    // Moved points keep their id but become a new entry; the old entry stays, closed.
    for (const i of closeIdx) {
      this.active[i] = false;
      this.pointIndex.delete(`${this.points[i]!.type}\u0000${this.points[i]!.id}`);
    }
    const newIdx: number[] = [];
    for (const p of opens) {
      const i = this.points.length;
      this.points.push(p);
      this.active.push(true);
      this.pointIndex.set(`${p.type}\u0000${p.id}`, i);
      newIdx.push(i);
    }
    if (this.graph && newIdx.length) {
      const ps = snapAll(
        this.graph,
        Float64Array.from(opens, (x) => x.lon),
        Float64Array.from(opens, (x) => x.lat),
        this.profile.max_snap_m,
      );
      newIdx.forEach((i, k) => this.setPointSnap(i, ps, k));
    }

    for (const type of this.types) {
      const st = this.state.get(type)!;
      const closedHere = [...closeIdx].filter((i) => this.points[i]!.type === type);
      const openedHere = newIdx.filter((i) => this.points[i]!.type === type);
      if (!closedHere.length && !openedHere.length) continue;
      const before = new Map<number, OriginResult>();
      const recompute = new Set<number>();
      const r = st.results;
      // A byte per point instead of a Set: this loop and the repair's scan run over every origin/node.
      const closedMask = new Uint8Array(this.points.length + 1);
      for (const p of closedHere) closedMask[p + 1] = 1;
      for (let o = 0; o < this.origins.length; o++) {
        if (closedMask[r.nearest[o]! + 1] || closedMask[r.second[o]! + 1]) recompute.add(o);
      }
      if (!this.graph) {
        // Straight line: any origin may gain a new nearest; recompute all when opening.
        if (openedHere.length) for (let o = 0; o < this.origins.length; o++) recompute.add(o);
        for (const o of recompute) before.set(o, readResult(r, o));
        this.recomputeStraight(st, [...recompute]);
      } else {
        const log = new LabelLog(this.graph.n, st.labels!);
        undoLabels.push(log);
        if (closedHere.length) this.repairClosed(st, closedMask, log);
        const touchedBeforeOpen = log.nodes.length;
        const newOnEdge: number[] = [];
        for (const p of openedHere) {
          this.addOpened(st, p, log);
          const a = this.pointAttach[p];
          if (a)
            for (const ce of [a.ce0, a.ce1])
              if (ce >= 0) {
                newOnEdge.push(ce);
                st.onEdge.set(ce, [...(st.onEdge.get(ce) ?? []), p]);
              }
        }
        if (openedHere.length) {
          // An opened point can only matter to origins whose edge heads it reached, or on its own edges.
          const reached = new Set(log.nodes.slice(touchedBeforeOpen));
          const edges = new Set(newOnEdge);
          const g = this.graph;
          for (let o = 0; o < this.origins.length; o++) {
            const a = this.originAttach[o]!;
            if (a === NO_ATTACH) continue;
            // Tails too: an origin exactly on a junction reads that junction's labels.
            const hit = (ce: number): boolean => ce >= 0 && (reached.has(g.head[ce]!) || reached.has(g.tail[ce]!) || edges.has(ce));
            if (hit(a.ce0) || hit(a.ce1)) recompute.add(o);
          }
        }
        for (const o of recompute) before.set(o, readResult(r, o));
        for (const o of recompute) this.evaluate(st, o);
      }
      const changes: OriginChange[] = [];
      for (const [o, b] of before) {
        const after = readResult(r, o);
        if (
          after.nearest !== b.nearest ||
          after.second !== b.second ||
          after.sec !== b.sec ||
          after.sec2 !== b.sec2 ||
          after.meters !== b.meters ||
          after.meters2 !== b.meters2 ||
          after.status !== b.status
        ) {
          changes.push({ origin: o, before: b, after });
        }
      }
      changes.sort((x, y) => x.origin - y.origin);
      outcome.changes[type] = changes;
      outcome.recomputed[type] = recompute.size;
      undoResults.push({ st, changes });
    }

    outcome.revert = () => {
      for (const log of undoLabels) log.undo();
      for (const { st, changes } of undoResults) for (const c of changes) writeResult(st.results, c.origin, c.before);
      for (const i of newIdx) {
        const a = this.pointAttach[i];
        const st = this.state.get(this.points[i]!.type)!;
        if (a)
          for (const ce of [a.ce0, a.ce1])
            if (ce >= 0)
              st.onEdge.set(
                ce,
                (st.onEdge.get(ce) ?? []).filter((p) => p !== i),
              );
      }
      this.points.length = firstNew;
      this.active.length = firstNew;
      this.pointAttach.length = Math.min(this.pointAttach.length, firstNew);
      this.pointLegM.length = Math.min(this.pointLegM.length, firstNew);
      this.pointLegSec.length = Math.min(this.pointLegSec.length, firstNew);
      for (const i of closeIdx) this.active[i] = true;
      this.pointIndex.clear();
      for (const [k, v] of indexBefore) this.pointIndex.set(k, v);
    };
    return outcome;
  }

  /** closed[p + 1] = 1 for each closed point p (the +1 lets src = -1 index slot 0). */
  private repairClosed(st: TypeState, closed: Uint8Array, log: LabelLog): void {
    const g = this.graph!;
    const l = st.labels!;
    const n = g.n;
    const inR = new Uint8Array(n);
    const region: number[] = [];
    const src0 = l.src0;
    const src1 = l.src1;
    for (let v = 0; v < n; v++) {
      if (closed[src0[v]! + 1] || closed[src1[v]! + 1]) {
        inR[v] = 1;
        region.push(v);
      }
    }
    const search = new TwoNearestSearch(g, l);
    search.log = log;
    // Drop the closed labels; what remains at a node is still an exact distance to that source.
    for (const v of region) {
      log.record(v);
      if (closed[l.src1[v]! + 1]) {
        l.src1[v] = -1;
        l.sec1[v] = Infinity;
        l.m1[v] = Infinity;
      }
      if (closed[l.src0[v]! + 1]) {
        l.src0[v] = l.src1[v]!;
        l.sec0[v] = l.sec1[v]!;
        l.m0[v] = l.m1[v]!;
        l.src1[v] = -1;
        l.sec1[v] = l.m1[v] = Infinity;
      }
    }
    for (const v of region) {
      search.requeue(v);
      // Labels flow in from the unaffected border: v → w with w outside the region.
      for (let e = g.firstOut[v]!; e < g.firstOut[v + 1]!; e++) {
        const w = g.head[e]!;
        if (inR[w]) continue;
        if (l.src0[w]! >= 0) search.improve(v, l.src0[w]!, l.sec0[w]! + g.sec[e]!, l.m0[w]! + g.meters[e]!);
        if (l.src1[w]! >= 0) search.improve(v, l.src1[w]!, l.sec1[w]! + g.sec[e]!, l.m1[w]! + g.meters[e]!);
      }
    }
    // Sources seeded inside the region.
    const pts = this.activePoints(st.type);
    const seeds = this.seedsFor(pts);
    for (let i = 0; i < seeds.node.length; i++)
      if (inR[seeds.node[i]!]) search.improve(seeds.node[i]!, seeds.src[i]!, seeds.sec[i]!, seeds.m[i]!);
    search.run(inR);
  }

  private addOpened(st: TypeState, p: number, log: LabelLog): void {
    const search = new TwoNearestSearch(this.graph!, st.labels!);
    search.log = log;
    search.seed(this.seedsFor([p]));
    search.run();
  }
}

/** Junction count below which analyses stay in the calling thread. */
export const SMALL_GRAPH = 50_000;

const NO_ATTACH: Attach = { ce0: -1, pos0: 0, posM0: 0, ce1: -1, pos1: 0, posM1: 0 };
