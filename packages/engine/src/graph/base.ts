/**
 * A road network before contraction: nodes with coordinates and straight segments between them.
 * A segment is stored once with the directions it may be driven in; its time and length are the
 * same in both directions (OSM gives one speed per way; a CSV edge row likewise).
 */
export interface BaseNetwork {
  lon: Float64Array;
  lat: Float64Array;
  segA: Int32Array;
  segB: Int32Array;
  segSec: Float64Array;
  segMeters: Float64Array;
  /** bit 1: a→b drivable, bit 2: b→a drivable. */
  segDir: Uint8Array;
}

export const DIR_FWD = 1;
export const DIR_BWD = 2;

/** Growable typed arrays used while reading files of unknown size. */
export class F64Vec {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const n = new Float64Array(this.data.length * 2);
      n.set(this.data);
      this.data = n;
    }
    this.data[this.length++] = x;
  }
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

export class I32Vec {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const n = new Int32Array(this.data.length * 2);
      n.set(this.data);
      this.data = n;
    }
    this.data[this.length++] = x;
  }
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class U8Vec {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const n = new Uint8Array(this.data.length * 2);
      n.set(this.data);
      this.data = n;
    }
    this.data[this.length++] = x;
  }
  finish(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/** Builds a BaseNetwork incrementally; used by the OSM reader, the CSV reader and the benchmark generator. */
export class BaseNetworkBuilder {
  readonly lon = new F64Vec();
  readonly lat = new F64Vec();
  readonly segA = new I32Vec();
  readonly segB = new I32Vec();
  readonly segSec = new F64Vec();
  readonly segMeters = new F64Vec();
  readonly segDir = new U8Vec();

  addNode(lon: number, lat: number): number {
    this.lon.push(lon);
    this.lat.push(lat);
    return this.lon.length - 1;
  }
  addSegment(a: number, b: number, sec: number, m: number, dir: number): void {
    this.segA.push(a);
    this.segB.push(b);
    this.segSec.push(sec);
    this.segMeters.push(m);
    this.segDir.push(dir);
  }
  finish(): BaseNetwork {
    return {
      lon: this.lon.finish(),
      lat: this.lat.finish(),
      segA: this.segA.finish(),
      segB: this.segB.finish(),
      segSec: this.segSec.finish(),
      segMeters: this.segMeters.finish(),
      segDir: this.segDir.finish(),
    };
  }
}
