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

function aggregateOf(r: TypeResults, origins: Origin[], idx: ArrayLike<number>, th: number[], vulnMin: number): Aggregate {
  const labels = classLabels(th);
  const classes: ClassCount[] = labels.map((l) => ({ label: l.label, from_min: l.from, to_min: l.to, population: 0, origins: 0 }));
  const a: Aggregate = {
    population: 0,
    origins: 0,
    classes,
    unreachable: { population: 0, origins: 0 },
    no_road: { population: 0, origins: 0 },
    mean_min: null,
    median_min: null,
    vulnerable: { threshold_min: vulnMin, population: 0, origins: 0 },
  };
  const withResult: number[] = [];
  let sum = 0;
  let pop = 0;
  for (let k = 0; k < idx.length; k++) {
    const o = idx[k]!;
    const p = origins[o]!.population;
    a.population += p;
    a.origins++;
    const st = r.status[o]!;
    if (st === ST_NO_ROAD) ((a.no_road.population += p), a.no_road.origins++);
    else if (st === ST_UNREACHABLE) ((a.unreachable.population += p), a.unreachable.origins++);
    else {
      const min = r.sec[o]! / 60;
      let c = 0;
      while (c < th.length && min >= th[c]!) c++;
      classes[c]!.population += p;
      classes[c]!.origins++;
      sum += min * p;
      pop += p;
      withResult.push(o);
      // No second point at all counts as vulnerable too: one closure leaves nothing.
      if (!(r.sec2[o]! / 60 <= vulnMin)) ((a.vulnerable.population += p), a.vulnerable.origins++);
    }
  }
  if (pop > 0) {
    a.mean_min = sum / pop;
    withResult.sort((x, y) => r.sec[x]! - r.sec[y]!);
    let acc = 0;
    for (const o of withResult) {
      acc += origins[o]!.population;
      if (acc >= pop / 2) {
        a.median_min = r.sec[o]! / 60;
        break;
      }
    }
  }
  return a;
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
  const all = Array.from(origins.keys());
  const total: TypeAggregate = aggregateOf(r, origins, all, th, vuln);
  const groups = new Map<string, number[]>();
  origins.forEach((o, i) => {
    if (o.municipality === undefined) return;
    const g = groups.get(o.municipality);
    if (g) g.push(i);
    else groups.set(o.municipality, [i]);
  });
  if (groups.size) {
    total.by_municipality = {};
    for (const [k, idx] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) total.by_municipality[k] = aggregateOf(r, origins, idx, th, vuln);
  }
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
