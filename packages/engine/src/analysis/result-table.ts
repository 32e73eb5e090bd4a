import type { ServiceType } from '../osm/services.ts';
import type { AccessibilityModel } from './model.ts';
import { STATUS } from './results.ts';

/**
 * An analysis's results as the result file states them, one row per origin and type: the nearest
 * and second-nearest point (indices into `pointIds`, -1 none), seconds in tenths and metres whole
 * (the precision of result.csv), the origin's snapping leg in decimetres. `NONE` marks an empty
 * value (no point, unreachable, no road). Columnar typed arrays, so that storing and reading an
 * analysis is a copy of a few buffers, not a CSV written and parsed again.
 */
export interface ResultTable {
  originIds: string[];
  pointIds: string[];
  types: ServiceType[];
  /** Per origin: snapping leg in decimetres (NONE: no road). */
  snapDm: Uint32Array;
  byType: Partial<Record<ServiceType, TypeColumns>>;
}

export interface TypeColumns {
  nearest: Int32Array;
  /** Tenths of a second. */
  ds: Uint32Array;
  meters: Uint32Array;
  second: Int32Array;
  ds2: Uint32Array;
  meters2: Uint32Array;
  /** Index into STATUS. */
  status: Uint8Array;
}

export const NONE = 0xffffffff;

const COLUMNS = ['nearest', 'ds', 'meters', 'second', 'ds2', 'meters2', 'status'] as const;

/**
 * x rounded to 1/scale as an integer, or NONE when x is not a finite number — the digits
 * `x.toFixed(log10 scale)` writes (result.csv has always been written that way): Math.round(x × 10)
 * can differ from it only where x × 10 lands within rounding of a half, and there toFixed decides.
 */
export function quantize(x: number, scale: 1 | 10): number {
  if (!Number.isFinite(x)) return NONE;
  let q: number;
  if (scale === 1) q = Math.round(x);
  else {
    const y = x * 10;
    const frac = y - Math.floor(y);
    q = Math.abs(frac - 0.5) < 1e-6 ? Math.round(Number(x.toFixed(1)) * 10) : Math.round(y);
  }
  if (q < 0 || q >= NONE) throw new Error(`result value out of range: ${x}`);
  return q;
}

/** The model's current results (after any scenario applied to it) as a table. */
export function resultTableOf(model: AccessibilityModel, types: readonly ServiceType[] = model.types): ResultTable {
  const n = model.origins.length;
  const snapDm = new Uint32Array(n);
  for (let o = 0; o < n; o++) snapDm[o] = quantize(model.snapMeters(o), 10);
  const byType: ResultTable['byType'] = {};
  for (const t of types) {
    const r = model.results(t);
    const c: TypeColumns = {
      nearest: Int32Array.from(r.nearest),
      ds: new Uint32Array(n),
      meters: new Uint32Array(n),
      second: Int32Array.from(r.second),
      ds2: new Uint32Array(n),
      meters2: new Uint32Array(n),
      status: Uint8Array.from(r.status),
    };
    for (let o = 0; o < n; o++) {
      c.ds[o] = quantize(r.sec[o]!, 10);
      c.meters[o] = quantize(r.meters[o]!, 1);
      c.ds2[o] = quantize(r.sec2[o]!, 10);
      c.meters2[o] = quantize(r.meters2[o]!, 1);
    }
    byType[t] = c;
  }
  return { originIds: model.origins.map((o) => o.id), pointIds: model.points.map((p) => p.id), types: [...types], snapDm, byType };
}

/**
 * Binary form: magic "SAMRESLT", u32 version, u32 header length, JSON header (ids, types, array
 * names, types, lengths and offsets), then each array at an 8-byte aligned offset, little-endian.
 * With `planes` (for storage, deflated by io/results-file.ts) every 4-byte array is stored as byte
 * planes (all low bytes, then the next…), so that travel times and indices compress well.
 */
export const RESULTS_MAGIC = 'SAMRESLT';
export const RESULTS_VERSION = 1;

type AnyArray = Int32Array | Uint32Array | Uint8Array;
const CTORS = { Int32Array, Uint32Array, Uint8Array } as const;

interface Header {
  originIds: string[];
  pointIds: string[];
  types: ServiceType[];
  arrays: { name: string; type: keyof typeof CTORS; length: number; offset: number }[];
  /** Arrays stored as byte planes. */
  planes?: boolean;
}

/** Byte planes of a run of w-byte values (w = 1 or 4) and back; out and src are separate buffers. */
function planes(src: Uint8Array, w: number, out: Uint8Array, at: number): void {
  if (w !== 4) return out.set(src, at);
  const n = src.length / 4;
  const v = src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, n) : new Uint32Array(src.slice().buffer);
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    out[at + i] = x & 255;
    out[at + n + i] = (x >>> 8) & 255;
    out[at + 2 * n + i] = (x >>> 16) & 255;
    out[at + 3 * n + i] = x >>> 24;
  }
}
function unplanes(src: Uint8Array, at: number, w: number, out: Uint8Array): void {
  if (w !== 4) return out.set(src.subarray(at, at + out.length));
  const n = out.length / 4;
  const v = new Uint32Array(out.buffer, out.byteOffset, n);
  for (let i = 0; i < n; i++) v[i] = (src[at + i]! | (src[at + n + i]! << 8) | (src[at + 2 * n + i]! << 16) | (src[at + 3 * n + i]! << 24)) >>> 0;
}

function arraysOf(t: ResultTable): [string, AnyArray][] {
  const list: [string, AnyArray][] = [['snapDm', t.snapDm]];
  for (const type of t.types) for (const k of COLUMNS) list.push([`${type}.${k}`, t.byType[type]![k]]);
  return list;
}

export function encodeResults(t: ResultTable, o: { planes?: boolean } = {}): Uint8Array {
  const list = arraysOf(t);
  const header: Header = { originIds: t.originIds, pointIds: t.pointIds, types: t.types, arrays: [], ...(o.planes ? { planes: true } : {}) };
  let off = 0;
  for (const [name, a] of list) {
    header.arrays.push({ name, type: a.constructor.name as keyof typeof CTORS, length: a.length, offset: off });
    off += Math.ceil(a.byteLength / 8) * 8;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((16 + json.length) / 8) * 8;
  const out = new Uint8Array(dataStart + off);
  out.set(new TextEncoder().encode(RESULTS_MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, RESULTS_VERSION, true);
  dv.setUint32(12, json.length, true);
  out.set(json, 16);
  list.forEach(([, a], i) => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    if (o.planes) planes(bytes, a.BYTES_PER_ELEMENT, out, dataStart + header.arrays[i]!.offset);
    else out.set(bytes, dataStart + header.arrays[i]!.offset);
  });
  return out;
}

export function isEncodedResults(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && new TextDecoder().decode(bytes.subarray(0, 8)) === RESULTS_MAGIC;
}

/** Views over the encoded bytes where they are aligned (copies otherwise); checks shape and bounds. */
export function decodeResults(bytes: Uint8Array): ResultTable {
  if (!isEncodedResults(bytes)) throw new Error('not a Samhandling result table');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== RESULTS_VERSION) throw new Error(`result table version ${version}, expected ${RESULTS_VERSION}`);
  const jsonLen = dv.getUint32(12, true);
  if (16 + jsonLen > bytes.length) throw new Error('result table is truncated');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLen))) as Header;
  const dataStart = Math.ceil((16 + jsonLen) / 8) * 8;
  const arrays = new Map<string, AnyArray>();
  for (const a of header.arrays) {
    const C = CTORS[a.type];
    if (!C) throw new Error(`result table: unknown array type ${a.type}`);
    const start = dataStart + a.offset;
    const len = a.length * C.BYTES_PER_ELEMENT;
    if (start + len > bytes.length) throw new Error('result table is truncated');
    const at = bytes.byteOffset + start;
    if (header.planes) {
      const own = new C(a.length);
      unplanes(bytes, start, C.BYTES_PER_ELEMENT, new Uint8Array(own.buffer));
      arrays.set(a.name, own);
    } else arrays.set(a.name, at % C.BYTES_PER_ELEMENT === 0 ? new C(bytes.buffer as ArrayBuffer, at, a.length) : new C(bytes.slice(start, start + len).buffer));
  }
  const n = header.originIds.length;
  const get = <T extends AnyArray>(name: string, C: { new (...a: never[]): T }): T => {
    const a = arrays.get(name);
    if (!(a instanceof C) || a.length !== n) throw new Error(`result table: ${name} is missing or has the wrong length`);
    return a;
  };
  const byType: ResultTable['byType'] = {};
  for (const t of header.types) {
    byType[t] = {
      nearest: get(`${t}.nearest`, Int32Array),
      ds: get(`${t}.ds`, Uint32Array),
      meters: get(`${t}.meters`, Uint32Array),
      second: get(`${t}.second`, Int32Array),
      ds2: get(`${t}.ds2`, Uint32Array),
      meters2: get(`${t}.meters2`, Uint32Array),
      status: get(`${t}.status`, Uint8Array),
    };
    for (const k of ['nearest', 'second'] as const)
      for (const p of byType[t]![k]) if (p < -1 || p >= header.pointIds.length) throw new Error(`result table: ${t}.${k} refers to no point`);
    for (const s of byType[t]!.status) if (s >= STATUS.length) throw new Error(`result table: ${t}.status out of range`);
  }
  return { originIds: header.originIds, pointIds: header.pointIds, types: header.types, snapDm: get('snapDm', Uint32Array), byType };
}

/** Seconds as result.csv states them (tenths), or null for none. */
export const secondsOf = (ds: number): number | null => (ds === NONE ? null : ds / 10);
