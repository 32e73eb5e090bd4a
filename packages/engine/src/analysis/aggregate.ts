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

interface Groups {
  codes: string[];
  /** 0 = no municipality, k = codes[k - 1]. */
  group: Int32Array;
  pop: Float64Array;
}
const groupCache = new WeakMap<Origin[], Groups>();

/** Municipality grouping and populations as typed arrays, computed once per origins array. */
function groupsOf(origins: Origin[]): Groups {
  let g = groupCache.get(origins);
  if (!g) {
    const codes = [...new Set(origins.map((o) => o.municipality).filter((m): m is string => m !== undefined))].sort();
    const gIndex = new Map(codes.map((c, i) => [c, i + 1]));
    g = {
      codes,
      group: Int32Array.from(origins, (o) => (o.municipality === undefined ? 0 : gIndex.get(o.municipality)!)),
      pop: Float64Array.from(origins, (o) => o.population),
    };
    groupCache.set(origins, g);
  }
  return g;
}

/**
 * One pass over the origins fills typed accumulators for every group (group 0 = all, then one per
 * municipality); a pass over the origins in travel-time order then gives every weighted median.
 */
function aggregateGroups(r: TypeResults, G: Groups, order: ArrayLike<number>, th: number[], vulnMin: number): Aggregate[] {
  const nGroups = G.codes.length + 1;
  const nc = th.length + 1;
  const { group, pop: popOf } = G;
  // Per group: [population, origins, noRoadPop, noRoadN, unreachPop, unreachN, vulnPop, vulnN, sumMin, popWithResult]
  const F = 10;
  const acc = new Float64Array(nGroups * F);
  const cls = new Float64Array(nGroups * nc * 2);
  const n = group.length;
  const thSec = th.map((x) => x * 60);
  const vulnSec = vulnMin * 60;
  for (let o = 0; o < n; o++) {
    const p = popOf[o]!;
    const st = r.status[o]!;
    const sec = r.sec[o]!;
    let c = 0;
    if (st !== ST_NO_ROAD && st !== ST_UNREACHABLE) while (c < thSec.length && sec >= thSec[c]!) c++;
    const vuln = !(r.sec2[o]! <= vulnSec);
    for (let k = 0; k < 2; k++) {
      const gi = k === 0 ? 0 : group[o]!;
      if (k === 1 && gi === 0) break;
      const b = gi * F;
      acc[b]! += p;
      acc[b + 1]!++;
      if (st === ST_NO_ROAD) {
        acc[b + 2]! += p;
        acc[b + 3]!++;
      } else if (st === ST_UNREACHABLE) {
        acc[b + 4]! += p;
        acc[b + 5]!++;
      } else {
        const cb = (gi * nc + c) * 2;
        cls[cb]! += p;
        cls[cb + 1]!++;
        acc[b + 8]! += (sec / 60) * p;
        acc[b + 9]! += p;
        // No second point at all counts as vulnerable too: one closure leaves nothing.
        if (vuln) {
          acc[b + 6]! += p;
          acc[b + 7]!++;
        }
      }
    }
  }
  const median = new Float64Array(nGroups).fill(NaN);
  const run = new Float64Array(nGroups);
  let open = nGroups;
  for (let i = 0; i < order.length && open > 0; i++) {
    const o = order[i]!;
    const p = popOf[o]!;
    for (let k = 0; k < 2; k++) {
      const gi = k === 0 ? 0 : group[o]!;
      if (k === 1 && gi === 0) break;
      if (!Number.isNaN(median[gi]!)) continue;
      run[gi]! += p;
      const half = acc[gi * F + 9]! / 2;
      if (run[gi]! >= half && half > 0) {
        median[gi] = r.sec[o]! / 60;
        open--;
      }
    }
  }
  const labels = classLabels(th);
  const out: Aggregate[] = [];
  for (let gi = 0; gi < nGroups; gi++) {
    const b = gi * F;
    const pw = acc[b + 9]!;
    out.push({
      population: acc[b]!,
      origins: acc[b + 1]!,
      classes: labels.map((l, c) => ({
        label: l.label,
        from_min: l.from,
        to_min: l.to,
        population: cls[(gi * nc + c) * 2]!,
        origins: cls[(gi * nc + c) * 2 + 1]!,
      })),
      unreachable: { population: acc[b + 4]!, origins: acc[b + 5]! },
      no_road: { population: acc[b + 2]!, origins: acc[b + 3]! },
      mean_min: pw > 0 ? acc[b + 8]! / pw : null,
      median_min: Number.isNaN(median[gi]!) ? null : median[gi]!,
      vulnerable: { threshold_min: vulnMin, population: acc[b + 6]!, origins: acc[b + 7]! },
    });
  }
  return out;
}

/** Origins with a result (ok / straight_line), ordered by travel time. */
export function travelTimeOrder(r: TypeResults): Uint32Array {
  const idx: number[] = [];
  for (let o = 0; o < r.status.length; o++) if (r.status[o] !== ST_NO_ROAD && r.status[o] !== ST_UNREACHABLE) idx.push(o);
  return sortBySeconds(idx, r.sec);
}

/**
 * The order after the results of `changed` origins changed: drop them, sort them alone, merge —
 * linear instead of a full sort, which is what keeps a scenario's aggregates cheap.
 */
export function updateTravelTimeOrder(prev: Uint32Array, r: TypeResults, changed: number[]): Uint32Array {
  if (!changed.length) return prev;
  const isChanged = new Uint8Array(r.status.length);
  for (const o of changed) isChanged[o] = 1;
  const kept = new Uint32Array(prev.length);
  let nk = 0;
  for (let i = 0; i < prev.length; i++) if (!isChanged[prev[i]!]) kept[nk++] = prev[i]!;
  const fresh = sortBySeconds(
    changed.filter((o) => r.status[o] !== ST_NO_ROAD && r.status[o] !== ST_UNREACHABLE),
    r.sec,
  );
  const out = new Uint32Array(nk + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < nk && j < fresh.length) out[k++] = r.sec[kept[i]!]! <= r.sec[fresh[j]!]! ? kept[i++]! : fresh[j++]!;
  while (i < nk) out[k++] = kept[i++]!;
  while (j < fresh.length) out[k++] = fresh[j++]!;
  return out;
}

/**
 * Origins ordered by travel time. Packs (time in 1/1024 s, index) into one exact double so a native
 * numeric sort does the work (several times faster than a comparator); falls back for huge inputs.
 */
function sortBySeconds(idx: number[], sec: Float64Array): Uint32Array {
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
  if (!th.length || th.some((x, i) => !(x > 0) || (i > 0 && x <= th[i - 1]!)))
    throw new Error('thresholds must be positive, increasing minutes');
  if (opts.vulnerableMin !== undefined && !(opts.vulnerableMin > 0)) throw new Error('the vulnerability threshold must be positive');
}

/**
 * Population by travel-time class, weighted mean and median, vulnerability; per municipality too.
 * `order` (from travelTimeOrder / updateTravelTimeOrder) saves the sort when the caller has it.
 */
export function aggregate(r: TypeResults, origins: Origin[], opts: AggregateOptions = {}, order?: Uint32Array): TypeAggregate {
  validateAggregateOptions(opts);
  const th = opts.thresholdsMin ?? DEFAULT_THRESHOLDS;
  const vuln = opts.vulnerableMin ?? 10;
  const G = groupsOf(origins);
  const aggs = aggregateGroups(r, G, order ?? travelTimeOrder(r), th, vuln);
  const total: TypeAggregate = aggs[0]!;
  if (G.codes.length) total.by_municipality = Object.fromEntries(G.codes.map((c, i) => [c, aggs[i + 1]!]));
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
