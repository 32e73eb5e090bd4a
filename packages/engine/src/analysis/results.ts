import type { ServiceType } from '../osm/services.ts';

export const STATUS = ['ok', 'unreachable', 'no_road', 'straight_line'] as const;
export type Status = (typeof STATUS)[number];
export const ST_OK = 0;
export const ST_UNREACHABLE = 1;
export const ST_NO_ROAD = 2;
export const ST_STRAIGHT = 3;

/** Per origin, for one service type. Point references are indices into the model's point list; -1 = none. */
export interface TypeResults {
  type: ServiceType;
  nearest: Int32Array;
  sec: Float64Array;
  meters: Float64Array;
  second: Int32Array;
  sec2: Float64Array;
  meters2: Float64Array;
  status: Uint8Array;
}

export function allocResults(type: ServiceType, n: number): TypeResults {
  return {
    type,
    nearest: new Int32Array(n).fill(-1),
    sec: new Float64Array(n).fill(Infinity),
    meters: new Float64Array(n).fill(Infinity),
    second: new Int32Array(n).fill(-1),
    sec2: new Float64Array(n).fill(Infinity),
    meters2: new Float64Array(n).fill(Infinity),
    status: new Uint8Array(n),
  };
}

/** One origin's result as plain values (used for scenario change lists and the API). */
export interface OriginResult {
  nearest: number;
  sec: number;
  meters: number;
  second: number;
  sec2: number;
  meters2: number;
  status: Status;
}

export function readResult(r: TypeResults, o: number): OriginResult {
  return {
    nearest: r.nearest[o]!,
    sec: r.sec[o]!,
    meters: r.meters[o]!,
    second: r.second[o]!,
    sec2: r.sec2[o]!,
    meters2: r.meters2[o]!,
    status: STATUS[r.status[o]!]!,
  };
}

export function writeResult(r: TypeResults, o: number, v: OriginResult): void {
  r.nearest[o] = v.nearest;
  r.sec[o] = v.sec;
  r.meters[o] = v.meters;
  r.second[o] = v.second;
  r.sec2[o] = v.sec2;
  r.meters2[o] = v.meters2;
  r.status[o] = STATUS.indexOf(v.status);
}

/** Keeps the two best distinct candidates offered to it. */
export class TopTwo {
  s0 = -1;
  d0 = Infinity;
  m0 = Infinity;
  s1 = -1;
  d1 = Infinity;
  m1 = Infinity;
  reset(): void {
    this.s0 = this.s1 = -1;
    this.d0 = this.d1 = this.m0 = this.m1 = Infinity;
  }
  offer(s: number, d: number, m: number): void {
    if (s < 0) return;
    if (s === this.s0) {
      if (d < this.d0) {
        this.d0 = d;
        this.m0 = m;
      }
      return;
    }
    if (d < this.d0) {
      // The old nearest (≠ s) becomes second, whether or not s was the second before.
      this.s1 = this.s0;
      this.d1 = this.d0;
      this.m1 = this.m0;
      this.s0 = s;
      this.d0 = d;
      this.m0 = m;
    } else if (d < this.d1) {
      this.s1 = s;
      this.d1 = d;
      this.m1 = m;
    }
  }
}
