/**
 * Minimal protocol-buffers reader for the OSM PBF messages. Hand-written because the engine needs
 * only a handful of fields and a plain typed-array cursor is the fastest way through them in JS.
 * 64-bit integers are returned as JS numbers: OSM ids (~1.3e10) are far below 2^53.
 */
export class ProtoReader {
  pos: number;
  readonly end: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  varint(): number {
    const b = this.buf;
    let byte = b[this.pos++]!;
    if (byte < 0x80) return byte;
    let result = byte & 0x7f;
    let shift = 7;
    // Up to 4 bytes the value fits in 28 bits: use bit operations; beyond, multiply to stay exact.
    while (shift < 28) {
      byte = b[this.pos++]!;
      result |= (byte & 0x7f) << shift;
      if (byte < 0x80) return result >>> 0;
      shift += 7;
    }
    let mul = 2 ** 28;
    result >>>= 0;
    for (;;) {
      byte = b[this.pos++]!;
      result += (byte & 0x7f) * mul;
      if (byte < 0x80) return result;
      mul *= 128;
      if (mul > 2 ** 70) throw new Error('protobuf: varint too long');
    }
  }

  /** zigzag-decoded signed varint (sint32/sint64). */
  svarint(): number {
    const n = this.varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }

  /** int64 stored as plain varint: negative values take ten bytes; OSM never uses them for what we read. */
  int64(): number {
    return this.varint();
  }

  /** Reads a length prefix and returns [start, end) of the bytes, advancing past them. */
  bytes(): [number, number] {
    const len = this.varint();
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new Error('protobuf: field runs past end of message');
    return [start, this.pos];
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        while (this.buf[this.pos++]! >= 0x80);
        break;
      case 1:
        this.pos += 8;
        break;
      case 2: {
        // Read the length first: `this.pos += this.varint()` would add to the pre-read position.
        const len = this.varint();
        this.pos += len;
        break;
      }
      case 5:
        this.pos += 4;
        break;
      default:
        throw new Error(`protobuf: unsupported wire type ${wireType}`);
    }
  }
}
