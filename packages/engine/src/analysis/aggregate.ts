import type { Origin } from './points.ts';
import { ST_NO_ROAD, ST_UNREACHABLE, type TypeResults } from './results.ts';

export interface AggregateOptions {
  /** Class limits in minutes; default [5, 10, 30] → <5, 5–10, 10–30, >30. */
  thresholdsMin?: number[];
  /** Vulnerable: second-nearest (the fallback after one closure) further than this many minutes. */
  vulnerableMin?: number;
}

export interface ClassCount {
  label: string;
  from_min: number;
  to_min: number | null;
  population: number;
  origins: number;
}

export interface Aggregate {
  population: number;
  origins: number;
  classes: ClassCount[];
  unreachable: { population: number; origins: number };
  no_road: { population: number; origins: number };
  /** Population-weighted, over origins with a result. null when there are none. */
  mean_min: number | null;
  median_min: number | null;
  vulnerable: { threshold_min: number; population: number; origins: number };
}

export interface TypeAggregate extends Aggregate {
  by_municipality?: Record<string, Aggregate>;
}

const DEFAULT_THRESHOLDS = [5, 10, 30];

function classLabels(th: number[]): { label: string; from: number; to: number | null }[] {
  const out: { label: string; from: number; to: number | null }[] = [];
  out.push({ label: `<${th[0]}`, from: 0, to: th[0]! });
  for (let i = 1; i < th.length; i++) out.push({ label: `${th[i - 1]}–${th[i]}`, from: th[i - 1]!, to: th[i]! });
  out.push({ label: `>${th[th.length - 1]}`, from: th[th.length - 1]!, to: null });
  return out;
}

function emptyAggregate(th: number[], vulnMin: number): Aggregate {
  return {
    population: 0,
    origins: 0,
    classes: classLabels(th).map((l) => ({ label: l.label, from_min: l.from, to_min: l.to, population: 0, origins: 0 })),
    unreachable: { population: 0, origins: 0 },
    no_road: { population: 0, origins: 0 },
    mean_min: null,
    median_min: null,
    vulnerable: { threshold_min: vulnMin, population: 0, origins: 0 },
  };
}

/**
 * One pass over the origins fills every group (group 0 = all, then one per municipality); one sort
 * by travel time then gives every group's weighted median in a second pass.
 */
function aggregateGroups(r: TypeResults, origins: Origin[], group: Int32Array, nGroups: number, th: number[], vulnMin: number): Aggregate[] {
  const out = Array.from({ length: nGroups }, () => emptyAggregate(th, vulnMin));
  const sum = new Float64Array(nGroups);
  const pop = new Float64Array(nGroups);
  const reach: number[] = [];
  for (let o = 0; o < origins.length; o++) {
    const p = origins[o]!.population;
    const st = r.status[o]!;
    const min = r.sec[o]! / 60;
    let c = 0;
    if (st !== ST_NO_ROAD && st !== ST_UNREACHABLE) {
      while (c < th.length && min >= th[c]!) c++;
      reach.push(o);
    }
    for (let k = 0; k < 2; k++) {
      const gi = k === 0 ? 0 : group[o]!;
      if (k === 1 && gi <= 0) break;
      const a = out[gi]!;
      a.population += p;
      a.origins++;
      if (st === ST_NO_ROAD) ((a.no_road.population += p), a.no_road.origins++);
      else if (st === ST_UNREACHABLE) ((a.unreachable.population += p), a.unreachable.origins++);
      else {
        a.classes[c]!.population += p;
        a.classes[c]!.origins++;
        sum[gi]! += min * p;
        pop[gi]! += p;
        // No second point at all counts as vulnerable too: one closure leaves nothing.
        if (!(r.sec2[o]! / 60 <= vulnMin)) ((a.vulnerable.population += p), a.vulnerable.origins++);
      }
    }
  }
  const order = sortBySeconds(reach, r.sec);
  const acc = new Float64Array(nGroups);
  for (let i = 0; i < order.length; i++) {
    const o = order[i]!;
    const p = origins[o]!.population;
    for (let k = 0; k < 2; k++) {
      const gi = k === 0 ? 0 : group[o]!;
      if (k === 1 && gi <= 0) break;
      if (out[gi]!.median_min !== null) continue;
      acc[gi]! += p;
      if (acc[gi]! >= pop[gi]! / 2 && pop[gi]! > 0) out[gi]!.median_min = r.sec[o]! / 60;
    }
  }
  for (let gi = 0; gi < nGroups; gi++) if (pop[gi]! > 0) out[gi]!.mean_min = sum[gi]! / pop[gi]!;
  return out;
}

/**
 * Origins ordered by travel time. Packs (time in 1/1024 s, index) into one exact double so a native
 * numeric sort does the work (several times faster than a comparator); falls back for huge inputs.
 */
function sortBySeconds(idx: number[], sec: Float64Array): ArrayLike<number> {
  const IDX = 2 ** 20;
  let max = 0;
  for (const o of idx) if (sec[o]! > max) max = sec[o]!;
  if (idx.length > IDX || max * 1024 >= 2 ** 32) return Uint32Array.from(idx).sort((x, y) => sec[x]! - sec[y]!);
  const keys = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) keys[i] = Math.round(sec[idx[i]!]! * 1024) * IDX + idx[i]!;
  keys.sort();
  const out = new Uint32Array(idx.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i]! % IDX;
  return out;
}

export function validateAggregateOptions(opts: AggregateOptions): void {
  const th = opts.thresholdsMin ?? DEFAULT_THRESHOLDS;
  if (!th.length || th.some((x, i) => !(x > 0) || (i > 0 && x <= th[i - 1]!))) throw new Error('thresholds must be positive, increasing minutes');
  if (opts.vulnerableMin !== undefined && !(opts.vulnerableMin > 0)) throw new Error('the vulnerability threshold must be positive');
}

/** Population by travel-time class, weighted mean and median, vulnerability; per municipality too. */
export function aggregate(r: TypeResults, origins: Origin[], opts: AggregateOptions = {}): TypeAggregate {
  validateAggregateOptions(opts);
  const th = opts.thresholdsMin ?? DEFAULT_THRESHOLDS;
  const vuln = opts.vulnerableMin ?? 10;
  const codes = [...new Set(origins.map((o) => o.municipality).filter((m): m is string => m !== undefined))].sort((a, b) => a.localeCompare(b));
  const gIndex = new Map(codes.map((c, i) => [c, i + 1]));
  const group = Int32Array.from(origins, (o) => (o.municipality === undefined ? 0 : gIndex.get(o.municipality)!));
  const aggs = aggregateGroups(r, origins, group, codes.length + 1, th, vuln);
  const total: TypeAggregate = aggs[0]!;
  if (codes.length) total.by_municipality = Object.fromEntries(codes.map((c, i) => [c, aggs[i + 1]!]));
  return total;
}

/** after − before for every number in an aggregate (same shape; nulls stay null). */
export function diffAggregate<T>(before: T, after: T): T {
  if (typeof before === 'number' && typeof after === 'number') return (after - before) as T;
  if (Array.isArray(before) && Array.isArray(after)) return after.map((x, i) => diffAggregate(before[i], x)) as T;
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = (before as Record<string, unknown>)[k];
      const a = (after as Record<string, unknown>)[k];
      if (k === 'label' || k === 'from_min' || k === 'to_min' || k === 'threshold_min') out[k] = a ?? b;
      else if (typeof a === 'number' && typeof b === 'number') out[k] = a - b;
      else if (a === undefined || b === undefined) out[k] = diffAggregate(b ?? zeroLike(a), a ?? zeroLike(b));
      else out[k] = diffAggregate(b, a);
    }
    return out as T;
  }
  return null as T;
}

function zeroLike(x: unknown): unknown {
  if (typeof x === 'number') return 0;
  if (Array.isArray(x)) return x.map(zeroLike);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'label' ? v : zeroLike(v)]));
  return null;
}
