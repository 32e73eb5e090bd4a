import type { Inflate, OsmHandler, Tags } from './types.ts';
import { ProtoReader } from './protobuf.ts';

const utf8 = new TextDecoder('utf-8');

/**
 * Parses a complete `.osm.pbf` file (https://wiki.openstreetmap.org/wiki/PBF_Format) and calls the
 * handler for every node and way. Blobs must be raw or zlib-compressed (what every common writer produces).
 */
export function parsePbf(file: Uint8Array, inflate: Inflate, handler: OsmHandler): void {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let pos = 0;
  while (pos < file.length) {
    if (pos + 4 > file.length) throw new Error('pbf: truncated blob header length');
    const headerLen = view.getInt32(pos, false);
    pos += 4;
    const hr = new ProtoReader(file, pos, pos + headerLen);
    let type = '';
    let dataSize = 0;
    while (hr.pos < hr.end) {
      const key = hr.varint();
      const field = key >>> 3;
      if (field === 1) {
        const [s, e] = hr.bytes();
        type = utf8.decode(file.subarray(s, e));
      } else if (field === 3) dataSize = hr.varint();
      else hr.skip(key & 7);
    }
    pos += headerLen;
    const blobStart = pos;
    pos += dataSize;
    if (pos > file.length) throw new Error('pbf: truncated blob');
    const data = readBlob(file, blobStart, pos, inflate);
    if (type === 'OSMHeader') checkHeader(data);
    else if (type === 'OSMData') parsePrimitiveBlock(data, handler);
  }
}

function readBlob(file: Uint8Array, start: number, end: number, inflate: Inflate): Uint8Array {
  const r = new ProtoReader(file, start, end);
  let rawSize = 0;
  let raw: Uint8Array | null = null;
  let zlib: Uint8Array | null = null;
  while (r.pos < r.end) {
    const key = r.varint();
    const field = key >>> 3;
    if (field === 1) {
      const [s, e] = r.bytes();
      raw = file.subarray(s, e);
    } else if (field === 2) rawSize = r.varint();
    else if (field === 3) {
      const [s, e] = r.bytes();
      zlib = file.subarray(s, e);
    } else if (field === 4 || field === 6 || field === 7) {
      throw new Error('pbf: only raw and zlib blobs are supported (lzma/lz4/zstd found)');
    } else r.skip(key & 7);
  }
  if (raw) return raw;
  if (zlib) return inflate(zlib, rawSize);
  return new Uint8Array(0);
}

function checkHeader(data: Uint8Array): void {
  const r = new ProtoReader(data);
  while (r.pos < r.end) {
    const key = r.varint();
    if (key >>> 3 === 4) {
      const [s, e] = r.bytes();
      const feature = utf8.decode(data.subarray(s, e));
      if (feature !== 'OsmSchema-V0.6' && feature !== 'DenseNodes' && feature !== 'HistoricalInformation') {
        throw new Error(`pbf: unsupported required feature ${feature}`);
      }
    } else r.skip(key & 7);
  }
}

function parsePrimitiveBlock(data: Uint8Array, handler: OsmHandler): void {
  const r = new ProtoReader(data);
  let strings: string[] = [];
  const groups: [number, number][] = [];
  let granularity = 100;
  let latOffset = 0;
  let lonOffset = 0;
  while (r.pos < r.end) {
    const key = r.varint();
    switch (key >>> 3) {
      case 1: {
        const [s, e] = r.bytes();
        strings = readStringTable(data, s, e);
        break;
      }
      case 2:
        groups.push(r.bytes());
        break;
      case 17:
        granularity = r.varint();
        break;
      case 19:
        latOffset = r.int64();
        break;
      case 20:
        lonOffset = r.int64();
        break;
      default:
        r.skip(key & 7);
    }
  }
  const block: Block = { data, strings, granularity, latOffset, lonOffset };
  for (const [s, e] of groups) parseGroup(block, s, e, handler);
}

interface Block {
  data: Uint8Array;
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readStringTable(data: Uint8Array, start: number, end: number): string[] {
  const r = new ProtoReader(data, start, end);
  const out: string[] = [];
  while (r.pos < r.end) {
    const key = r.varint();
    if (key >>> 3 === 1) {
      const [s, e] = r.bytes();
      out.push(utf8.decode(data.subarray(s, e)));
    } else r.skip(key & 7);
  }
  return out;
}

function parseGroup(b: Block, start: number, end: number, handler: OsmHandler): void {
  const r = new ProtoReader(b.data, start, end);
  while (r.pos < r.end) {
    const key = r.varint();
    const field = key >>> 3;
    if (field === 1) {
      const [s, e] = r.bytes();
      parseNode(b, s, e, handler);
    } else if (field === 2) {
      const [s, e] = r.bytes();
      parseDense(b, s, e, handler);
    } else if (field === 3) {
      const [s, e] = r.bytes();
      parseWay(b, s, e, handler);
    } else r.skip(key & 7);
  }
}

function packedUint(r: ProtoReader, out: number[]): void {
  const [s, e] = r.bytes();
  const pr = new ProtoReader(r.buf, s, e);
  while (pr.pos < e) out.push(pr.varint());
}

function parseNode(b: Block, start: number, end: number, handler: OsmHandler): void {
  const r = new ProtoReader(b.data, start, end);
  let id = 0;
  let lat = 0;
  let lon = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  while (r.pos < r.end) {
    const key = r.varint();
    switch (key >>> 3) {
      case 1:
        id = r.svarint();
        break;
      case 2:
        packedUint(r, keys);
        break;
      case 3:
        packedUint(r, vals);
        break;
      case 8:
        lat = r.svarint();
        break;
      case 9:
        lon = r.svarint();
        break;
      default:
        r.skip(key & 7);
    }
  }
  let tags: Tags | null = null;
  if (keys.length) {
    tags = {};
    for (let i = 0; i < keys.length; i++) tags[b.strings[keys[i]!]!] = b.strings[vals[i]!] ?? '';
  }
  handler.node(id, 1e-9 * (b.lonOffset + b.granularity * lon), 1e-9 * (b.latOffset + b.granularity * lat), tags);
}

function parseDense(b: Block, start: number, end: number, handler: OsmHandler): void {
  const r = new ProtoReader(b.data, start, end);
  let ids: [number, number] = [0, 0];
  let lats: [number, number] = [0, 0];
  let lons: [number, number] = [0, 0];
  let kv: [number, number] | null = null;
  while (r.pos < r.end) {
    const key = r.varint();
    switch (key >>> 3) {
      case 1:
        ids = r.bytes();
        break;
      case 8:
        lats = r.bytes();
        break;
      case 9:
        lons = r.bytes();
        break;
      case 10:
        kv = r.bytes();
        break;
      default:
        r.skip(key & 7);
    }
  }
  const ri = new ProtoReader(b.data, ids[0], ids[1]);
  const rlat = new ProtoReader(b.data, lats[0], lats[1]);
  const rlon = new ProtoReader(b.data, lons[0], lons[1]);
  const rkv = kv ? new ProtoReader(b.data, kv[0], kv[1]) : null;
  let id = 0;
  let lat = 0;
  let lon = 0;
  const g = b.granularity * 1e-9;
  const lat0 = b.latOffset * 1e-9;
  const lon0 = b.lonOffset * 1e-9;
  while (ri.pos < ri.end) {
    id += ri.svarint();
    lat += rlat.svarint();
    lon += rlon.svarint();
    let tags: Tags | null = null;
    // keys_vals: per node, (key, val)* followed by 0.
    if (rkv && rkv.pos < rkv.end) {
      for (;;) {
        const k = rkv.varint();
        if (k === 0) break;
        const v = rkv.varint();
        (tags ??= {})[b.strings[k]!] = b.strings[v] ?? '';
      }
    }
    handler.node(id, lon0 + g * lon, lat0 + g * lat, tags);
  }
}

function parseWay(b: Block, start: number, end: number, handler: OsmHandler): void {
  const r = new ProtoReader(b.data, start, end);
  let id = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  const refs: number[] = [];
  while (r.pos < r.end) {
    const key = r.varint();
    switch (key >>> 3) {
      case 1:
        id = r.int64();
        break;
      case 2:
        packedUint(r, keys);
        break;
      case 3:
        packedUint(r, vals);
        break;
      case 8: {
        const [s, e] = r.bytes();
        const pr = new ProtoReader(b.data, s, e);
        let ref = 0;
        while (pr.pos < e) {
          ref += pr.svarint();
          refs.push(ref);
        }
        break;
      }
      default:
        r.skip(key & 7);
    }
  }
  const tags: Tags = {};
  for (let i = 0; i < keys.length; i++) tags[b.strings[keys[i]!]!] = b.strings[vals[i]!] ?? '';
  handler.way(id, refs, tags);
}
