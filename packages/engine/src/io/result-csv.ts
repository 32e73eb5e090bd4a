import { closeSync, openSync, writeSync } from 'node:fs';
import { NONE, type ResultTable } from '../analysis/result-table.ts';
import { STATUS } from '../analysis/results.ts';

export const RESULT_CSV_HEADER = 'origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status\n';

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const utf8 = new TextEncoder();
const CHUNK = 1 << 20;
const COMMA = 44;
const NL = 10;

/** Appends ASCII digits into a byte buffer: no strings, so writing 575,000 rows makes no garbage. */
class Bytes {
  buf = new Uint8Array(CHUNK + 4096);
  n = 0;
  put(b: Uint8Array): void {
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  byte(c: number): void {
    this.buf[this.n++] = c;
  }
  /** A non-negative integer. */
  int(x: number): void {
    if (x < 10) {
      this.buf[this.n++] = 48 + x;
      return;
    }
    let digits = 0;
    for (let y = x; y >= 1; y = Math.floor(y / 10)) digits++;
    let p = this.n + digits;
    this.n = p;
    for (let y = x; y >= 1; y = Math.floor(y / 10)) this.buf[--p] = 48 + (y % 10);
  }
  /** q tenths as "i.d" (empty for NONE). */
  tenths(q: number): void {
    if (q === NONE) return;
    this.int(Math.floor(q / 10));
    this.buf[this.n++] = 46;
    this.buf[this.n++] = 48 + (q % 10);
  }
  whole(q: number): void {
    if (q !== NONE) this.int(q);
  }
}

/**
 * result.csv, one row per origin and type, as UTF-8 chunks of about 1 MB (the CLI writes them to a
 * file, the server sends them as a download): both come from the same table, so they are the same
 * bytes. Each chunk is a fresh array the caller may keep.
 */
export function* resultCsvChunks(t: ResultTable): Generator<Uint8Array> {
  const out = new Bytes();
  out.put(utf8.encode(RESULT_CSV_HEADER));
  const points = t.pointIds.map((id) => utf8.encode(quote(id)));
  const cols = t.types.map((type) => [utf8.encode(`,${type},`), t.byType[type]!] as const);
  const status = STATUS.map((s) => utf8.encode(s));
  const longestPoint = points.reduce((m, p) => Math.max(m, p.length), 0);
  for (let o = 0; o < t.originIds.length; o++) {
    const oid = utf8.encode(quote(t.originIds[o]!));
    const snap = t.snapDm[o]!;
    for (const [type, c] of cols) {
      // A row is at most the ids plus 10 numbers; make room first.
      if (out.n + oid.length + 2 * longestPoint + 256 > out.buf.length) {
        const bigger = new Uint8Array(out.buf.length * 2 + oid.length + 2 * longestPoint);
        bigger.set(out.buf.subarray(0, out.n));
        out.buf = bigger;
      }
      const n = c.nearest[o]!;
      const s = c.second[o]!;
      out.put(oid);
      out.put(type);
      if (n >= 0) out.put(points[n]!);
      out.byte(COMMA);
      out.tenths(c.ds[o]!);
      out.byte(COMMA);
      out.whole(c.meters[o]!);
      out.byte(COMMA);
      if (s >= 0) out.put(points[s]!);
      out.byte(COMMA);
      out.tenths(c.ds2[o]!);
      out.byte(COMMA);
      out.whole(c.meters2[o]!);
      out.byte(COMMA);
      out.tenths(snap);
      out.byte(COMMA);
      out.put(status[c.status[o]!]!);
      out.byte(NL);
    }
    if (out.n >= CHUNK) {
      yield out.buf.slice(0, out.n);
      out.n = 0;
    }
  }
  yield out.buf.slice(0, out.n);
}

/** result.csv as one buffer. */
export function resultCsvBytes(t: ResultTable): Uint8Array {
  const chunks = [...resultCsvChunks(t)];
  const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  return all;
}

export function resultCsv(t: ResultTable): string {
  return new TextDecoder().decode(resultCsvBytes(t));
}

export function writeResultCsv(path: string, t: ResultTable): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of resultCsvChunks(t)) {
      let off = 0;
      while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
    }
  } finally {
    closeSync(fd);
  }
}
