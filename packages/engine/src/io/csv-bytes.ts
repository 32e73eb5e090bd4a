import { parseCsv } from './csv.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const utf8 = new TextDecoder();
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A CSV reader over bytes, for files of millions of rows: fields are byte ranges of the file, numbers
 * are read from the bytes, and a string is made only when asked for. It reads exactly what `parseCsv`
 * reads (same separator rule, quoting, line ends, empty lines skipped, BOM ignored): a row with a
 * quoted field is handed to the same state machine as text.
 */
export class CsvBytes {
  readonly header: string[];
  /** Data row index of the current row (0 = the first row after the header), as parseCsv numbers them. */
  row = -1;
  private pos: number;
  private readonly sep: number;
  private readonly sepText: ',' | ';';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  /** The current row's fields as strings when it had quotes (null for the fast path). */
  private slow: string[] | null = null;

  constructor(private readonly bytes: Uint8Array) {
    let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    // The header (and the separator rule) exactly as parseCsv has them.
    let end = p;
    while (end < bytes.length && bytes[end] !== LF) end++;
    const first = utf8.decode(bytes.subarray(p, end));
    this.sepText = !first.includes(',') && first.includes(';') ? ';' : ',';
    this.sep = this.sepText.charCodeAt(0);
    // Skip empty lines before the header, then read the header row itself through parseCsv.
    while (p < bytes.length && (bytes[p] === LF || bytes[p] === CR)) p++;
    const headerEnd = this.rowEnd(p);
    this.header = parseCsv(utf8.decode(bytes.subarray(p, headerEnd)), this.sepText).header;
    this.pos = this.skipLineEnd(headerEnd);
  }

  /** The end of the row starting at p (its line end, honouring quoted fields). */
  private rowEnd(p: number): number {
    const b = this.bytes;
    let quoted = false;
    let fieldStart = true;
    for (; p < b.length; p++) {
      const c = b[p]!;
      if (quoted) {
        if (c === QUOTE) {
          if (b[p + 1] === QUOTE) p++;
          else quoted = false;
        }
        continue;
      }
      if (c === LF || c === CR) return p;
      if (c === QUOTE && fieldStart) quoted = true;
      fieldStart = c === this.sep;
    }
    return p;
  }

  private skipLineEnd(p: number): number {
    if (this.bytes[p] === CR && this.bytes[p + 1] === LF) return p + 2;
    return p < this.bytes.length ? p + 1 : p;
  }

  /** Moves to the next non-empty row; false at the end. */
  next(): boolean {
    const b = this.bytes;
    const n = b.length;
    for (;;) {
      if (this.pos >= n) return false;
      const start = this.pos;
      this.count = 0;
      this.slow = null;
      let fieldStart = start;
      let p = start;
      let quoted = false;
      for (; p < n; p++) {
        const c = b[p]!;
        if (c === LF || c === CR) break;
        if (c === this.sep) {
          this.starts[this.count] = fieldStart;
          this.ends[this.count++] = p;
          fieldStart = p + 1;
        } else if (c === QUOTE && p === fieldStart) {
          quoted = true;
          break;
        }
      }
      if (quoted) {
        const end = this.rowEnd(start);
        this.slow = parseCsv(`x\n${utf8.decode(b.subarray(start, end))}`, this.sepText).rows[0] ?? [''];
        this.count = this.slow.length;
        this.pos = this.skipLineEnd(end);
      } else {
        this.starts[this.count] = fieldStart;
        this.ends[this.count++] = p;
        this.pos = this.skipLineEnd(p);
        // parseCsv drops rows that are one empty field (blank lines).
        if (this.count === 1 && p === start) continue;
      }
      this.row++;
      return true;
    }
  }

  /** Number of fields in the current row. */
  get fields(): number {
    return this.count;
  }

  /** Field i as text, untrimmed (undefined when the row is shorter). */
  raw(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    if (this.slow) return this.slow[i];
    return utf8.decode(this.bytes.subarray(this.starts[i], this.ends[i]));
  }

  /** Field i trimmed. */
  str(i: number): string {
    return (this.raw(i) ?? '').trim();
  }

  /** Field i is exactly this ASCII text once spaces and tabs around it are trimmed (quoted rows: once trimmed). */
  is(i: number, text: string): boolean {
    if (i < 0 || i >= this.count) return text === '';
    if (this.slow) return this.slow[i]!.trim() === text;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    while (s < e && (this.bytes[s] === SPACE || this.bytes[s] === TAB)) s++;
    while (e > s && (this.bytes[e - 1] === SPACE || this.bytes[e - 1] === TAB)) e--;
    if (e - s !== text.length) return false;
    for (let k = 0; k < text.length; k++) if (this.bytes[s + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /**
   * Field i as a number, exactly what Number(field.trim()) gives: plain decimals with at most 15
   * significant digits are read from the bytes (one exact integer divided by an exact power of ten,
   * hence correctly rounded); anything else goes through Number. NaN when not a number or empty.
   */
  num(i: number): number {
    if (i < 0 || i >= this.count) return NaN;
    if (this.slow) return toNumber(this.slow[i]!);
    const b = this.bytes;
    let p = this.starts[i]!;
    let e = this.ends[i]!;
    while (p < e && (b[p] === SPACE || b[p] === TAB)) p++;
    while (e > p && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
    let neg = false;
    if (p < e && (b[p] === 45 || b[p] === 43)) neg = b[p++] === 45;
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; p < e; p++) {
      const c = b[p]!;
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else break;
    }
    if (p !== e || digits === 0 || digits > 15 || frac > 22) return toNumber(this.str(i));
    const x = frac > 0 ? m / POW10[frac]! : m;
    return neg ? -x : x;
  }

  /**
   * Field i (trimmed) as a canonical non-negative integer id (digits only, no leading zero, at most
   * 15 digits), or -1: ids like "007" or "a1" are only equal to themselves as text.
   */
  intId(i: number): number {
    if (i < 0 || i >= this.count) return -1;
    if (this.slow) return canonicalInt(this.slow[i]!.trim());
    const b = this.bytes;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    let m = 0;
    let ok = e > s && e - s <= 15 && !(b[s] === 48 && e - s > 1);
    for (let p = s; ok && p < e; p++) {
      const c = b[p]!;
      if (c < 48 || c > 57) ok = false;
      else m = m * 10 + (c - 48);
    }
    // Anything unusual (spaces around it, text) is settled on the trimmed text.
    return ok ? m : canonicalInt(this.str(i));
  }
}

function toNumber(s: string): number {
  const t = s.trim();
  return t === '' ? NaN : Number(t);
}

function canonicalInt(s: string): number {
  return /^(0|[1-9]\d{0,14})$/.test(s) ? Number(s) : -1;
}

/** Open-addressing hash from non-negative integer ids (< 2^53) to indices. */
export class IntIdIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    let s = h & this.mask;
    while (this.vals[s] !== -1 && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  get(key: number): number {
    return this.vals[this.slot(key)]!;
  }

  /** Sets key → value; returns false when the key was there already (nothing changes). */
  add(key: number, value: number): boolean {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const s = this.slot(key);
    if (this.vals[s] !== -1) return false;
    this.keys[s] = key;
    this.vals[s] = value;
    this.size++;
    return true;
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (vals[i] === -1) continue;
      const s = this.slot(keys[i]!);
      this.keys[s] = keys[i]!;
      this.vals[s] = vals[i]!;
    }
  }
}
