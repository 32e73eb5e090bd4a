import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application types (nor the engine: its encoder is copied here
// as it stood for version 1 of the format).

/**
 * Analyses kept their results as the engine's result.csv, gzipped (`results_gz`); every map and table
 * parsed it again. From here they keep the engine's binary result table (`results`): magic
 * "SAMRESLT", u32 version 1, u32 JSON header length, the header (origin ids, point ids, types, arrays
 * with type, length and offset), then the arrays 8-byte aligned. Existing results are converted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analyses').addColumn('results', 'bytea').execute();
  const ids = await db.selectFrom('analyses').select('id').where('results_gz', 'is not', null).execute();
  for (const { id } of ids) {
    const row = await db.selectFrom('analyses').select('results_gz').where('id', '=', id).executeTakeFirstOrThrow();
    const csv = gunzipSync(row.results_gz as Uint8Array).toString('utf8');
    await db.updateTable('analyses').set({ results: Buffer.from(resultTableFromCsv(csv)) }).where('id', '=', id).execute();
  }
  await db.schema.alterTable('analyses').dropColumn('results_gz').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}

const NONE = 0xffffffff;
const STATUS = ['ok', 'unreachable', 'no_road', 'straight_line'];
const COLUMNS = ['nearest', 'ds', 'meters', 'second', 'ds2', 'meters2', 'status'] as const;

/** result.csv (origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status) → version 1 bytes. */
export function resultTableFromCsv(csv: string): Uint8Array {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const originIds: string[] = [];
  const originIndex = new Map<string, number>();
  const types: string[] = [];
  const pointIds: string[] = [];
  const pointIndex = new Map<string, number>();
  for (const r of rows) {
    if (!originIndex.has(r.origin_id!)) originIndex.set(r.origin_id!, originIds.push(r.origin_id!) - 1);
    if (!types.includes(r.type!)) types.push(r.type!);
    for (const p of [r.nearest_id, r.second_id]) if (p && !pointIndex.has(p)) pointIndex.set(p, pointIds.push(p) - 1);
  }
  const n = originIds.length;
  const q = (s: string | undefined, scale: number) => (s === undefined || s === '' ? NONE : Math.round(Number(s) * scale));
  const snapDm = new Uint32Array(n).fill(NONE);
  const cols = new Map(
    types.map((t) => [
      t,
      {
        nearest: new Int32Array(n).fill(-1),
        ds: new Uint32Array(n).fill(NONE),
        meters: new Uint32Array(n).fill(NONE),
        second: new Int32Array(n).fill(-1),
        ds2: new Uint32Array(n).fill(NONE),
        meters2: new Uint32Array(n).fill(NONE),
        status: new Uint8Array(n).fill(STATUS.indexOf('unreachable')),
      },
    ]),
  );
  for (const r of rows) {
    const o = originIndex.get(r.origin_id!)!;
    const c = cols.get(r.type!)!;
    c.nearest[o] = r.nearest_id ? pointIndex.get(r.nearest_id)! : -1;
    c.second[o] = r.second_id ? pointIndex.get(r.second_id)! : -1;
    c.ds[o] = q(r.seconds, 10);
    c.meters[o] = q(r.meters, 1);
    c.ds2[o] = q(r.second_seconds, 10);
    c.meters2[o] = q(r.second_meters, 1);
    c.status[o] = Math.max(0, STATUS.indexOf(r.status!));
    snapDm[o] = q(r.snap_meters, 10);
  }
  const list: [string, Int32Array | Uint32Array | Uint8Array][] = [['snapDm', snapDm]];
  for (const t of types) for (const k of COLUMNS) list.push([`${t}.${k}`, cols.get(t)![k]]);
  const header = { originIds, pointIds, types, arrays: [] as { name: string; type: string; length: number; offset: number }[] };
  let off = 0;
  for (const [name, a] of list) {
    header.arrays.push({ name, type: a.constructor.name, length: a.length, offset: off });
    off += Math.ceil(a.byteLength / 8) * 8;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((16 + json.length) / 8) * 8;
  const out = new Uint8Array(dataStart + off);
  out.set(new TextEncoder().encode('SAMRESLT'), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, 1, true);
  dv.setUint32(12, json.length, true);
  out.set(json, 16);
  list.forEach(([, a], i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + header.arrays[i]!.offset));
  return out;
}
