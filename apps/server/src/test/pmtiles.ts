/**
 * Writes a small PMTiles v3 archive (uncompressed directories) from tiles given as z/x/y → bytes:
 * what the basemap tests serve. The format: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 */
export interface PmTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** The Hilbert-curve tile id of z/x/y (spec §"Tile ID"). */
export function tileId(z: number, x: number, y: number): number {
  let acc = 0;
  for (let t = 0; t < z; t++) acc += 4 ** t;
  const n = 2 ** z;
  let d = 0;
  let rx: number;
  let ry: number;
  for (let s = n / 2; s >= 1; s /= 2) {
    rx = (x & s) > 0 ? 1 : 0;
    ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return acc + d;
}

function varint(out: number[], value: number) {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

export function writePmtiles(
  tiles: PmTile[],
  options: { tileType?: number; bounds?: [number, number, number, number]; metadata?: object } = {},
): Buffer {
  const sorted = tiles.map((t) => ({ id: tileId(t.z, t.x, t.y), ...t })).sort((a, b) => a.id - b.id);
  const entries: { id: number; offset: number; length: number }[] = [];
  let offset = 0;
  for (const t of sorted) {
    entries.push({ id: t.id, offset, length: t.data.length });
    offset += t.data.length;
  }
  const dir: number[] = [];
  varint(dir, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(dir, e.id - last);
    last = e.id;
  }
  for (const _ of entries) varint(dir, 1);
  for (const e of entries) varint(dir, e.length);
  entries.forEach((e, i) => varint(dir, i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1));
  const metadata = Buffer.from(JSON.stringify(options.metadata ?? { name: 'test' }));
  const root = Buffer.from(dir);
  const data = Buffer.concat(sorted.map((t) => Buffer.from(t.data)));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + metadata.length;
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(root.length, 16);
  u64(metaOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset, 40);
  u64(0, 48);
  u64(dataOffset, 56);
  u64(data.length, 64);
  u64(entries.length, 72);
  u64(entries.length, 80);
  u64(entries.length, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(options.tileType ?? 1, 99); // 1 = vector (MVT)
  const zooms = sorted.map((t) => t.z);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const [w, s, e, n] = options.bounds ?? [10.6, 55.2, 24.3, 69.1];
  header.writeInt32LE(Math.round(w * 1e7), 102);
  header.writeInt32LE(Math.round(s * 1e7), 106);
  header.writeInt32LE(Math.round(e * 1e7), 110);
  header.writeInt32LE(Math.round(n * 1e7), 114);
  header.writeUInt8(Math.min(...zooms), 118);
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  return Buffer.concat([header, root, metadata, data]);
}
