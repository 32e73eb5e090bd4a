import { CH_ARRAYS, GRAPH_ARRAYS, type RoutingGraph, type SegmentGrid } from './graph.ts';

/**
 * Binary graph cache layout: magic "SAMGRAPH", u32 version, u32 header length, JSON header (array
 * names, types, lengths, byte offsets; scalars), then each typed array at an 8-byte aligned offset
 * so loading is a single read plus zero-copy views.
 */
export const CACHE_MAGIC = 'SAMGRAPH';
export const CACHE_VERSION = 2;

type AnyArray = Int32Array | Float64Array | Uint8Array;
const CTORS = { Int32Array, Float64Array, Uint8Array } as const;
type CtorName = keyof typeof CTORS;

interface Header {
  n: number;
  m: number;
  dropped: RoutingGraph['dropped'];
  grid: Omit<SegmentGrid, 'cellStart' | 'cellItems'>;
  ch: { n: number; chCoreSize: number } | null;
  arrays: { name: string; type: CtorName; length: number; offset: number }[];
  meta: Record<string, unknown>;
}

function arraysOf(g: RoutingGraph): [string, AnyArray][] {
  const list: [string, AnyArray][] = GRAPH_ARRAYS.map((k) => [k, g[k]]);
  list.push(['grid.cellStart', g.grid.cellStart], ['grid.cellItems', g.grid.cellItems]);
  if (g.ch) for (const k of CH_ARRAYS) list.push([`ch.${k}`, g.ch[k]]);
  return list;
}

/** Serialises a graph into byte chunks (header first); the caller writes them out. */
export function serializeGraph(g: RoutingGraph, meta: Record<string, unknown> = {}): Uint8Array[] {
  const list = arraysOf(g);
  const { cellStart: _s, cellItems: _i, ...grid } = g.grid;
  const header: Header = {
    n: g.n,
    m: g.m,
    dropped: g.dropped,
    grid,
    ch: g.ch ? { n: g.ch.n, chCoreSize: g.ch.chCoreSize } : null,
    arrays: [],
    meta,
  };
  // Offsets are relative to the data start, which is itself 8-aligned.
  let off = 0;
  for (const [name, a] of list) {
    header.arrays.push({ name, type: a.constructor.name as CtorName, length: a.length, offset: off });
    off += Math.ceil(a.byteLength / 8) * 8;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const prefixLen = Math.ceil((16 + json.length) / 8) * 8;
  const prefix = new Uint8Array(prefixLen);
  prefix.set(new TextEncoder().encode(CACHE_MAGIC), 0);
  const dv = new DataView(prefix.buffer);
  dv.setUint32(8, CACHE_VERSION, true);
  dv.setUint32(12, json.length, true);
  prefix.set(json, 16);
  const chunks: Uint8Array[] = [prefix];
  for (const [, a] of list) {
    chunks.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const pad = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (pad) chunks.push(new Uint8Array(pad));
  }
  return chunks;
}

export function isGraphCache(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && new TextDecoder().decode(bytes.subarray(0, 8)) === CACHE_MAGIC;
}

/** Views over a cache image (no copying). The buffer may be a SharedArrayBuffer to share with workers. */
export function deserializeGraph(buf: ArrayBufferLike, byteOffset = 0): { graph: RoutingGraph; meta: Record<string, unknown> } {
  const bytes = new Uint8Array(buf, byteOffset);
  if (!isGraphCache(bytes)) throw new Error('not a Samhandling graph cache');
  const dv = new DataView(buf as ArrayBuffer, byteOffset);
  const version = dv.getUint32(8, true);
  if (version !== CACHE_VERSION) throw new Error(`graph cache version ${version}, expected ${CACHE_VERSION}: rebuild it`);
  const jsonLen = dv.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLen))) as Header;
  const dataStart = byteOffset + Math.ceil((16 + jsonLen) / 8) * 8;
  const arrays: Record<string, AnyArray> = {};
  for (const a of header.arrays) {
    const C = CTORS[a.type];
    const start = dataStart + a.offset;
    if (start + a.length * C.BYTES_PER_ELEMENT > buf.byteLength) throw new Error('graph cache is truncated');
    arrays[a.name] = new C(buf as ArrayBuffer, start, a.length);
  }
  const g = { n: header.n, m: header.m, dropped: header.dropped } as Record<string, unknown>;
  for (const k of GRAPH_ARRAYS) {
    if (!arrays[k]) throw new Error(`graph cache lacks ${k}`);
    g[k] = arrays[k];
  }
  g.grid = { ...header.grid, cellStart: arrays['grid.cellStart'], cellItems: arrays['grid.cellItems'] };
  if (header.ch) {
    const ch: Record<string, unknown> = { ...header.ch };
    for (const k of CH_ARRAYS) {
      if (!arrays[`ch.${k}`]) throw new Error(`graph cache lacks ch.${k}`);
      ch[k] = arrays[`ch.${k}`];
    }
    g.ch = ch;
  }
  return { graph: g as unknown as RoutingGraph, meta: header.meta };
}
