import { CsvBytes, IntIdIndex } from '../io/csv-bytes.ts';
import { columns } from '../io/csv.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, F64Vec, type BaseNetwork } from './base.ts';

const utf8 = new TextEncoder();
const bytesOf = (x: string | Uint8Array): Uint8Array => (typeof x === 'string' ? utf8.encode(x) : x);

/**
 * Network from plain files: nodes.csv (`id,lon,lat`) and edges.csv (`from,to,seconds,meters,oneway`).
 * oneway: 1/true/yes = only from→to; 0/false/no/empty = both ways. Each edge is a straight segment;
 * give intermediate nodes to draw curves.
 *
 * Read from the bytes (CsvBytes): numbers straight from the file, and integer node ids (the usual
 * case: OSM ids) kept as numbers in a hash table; ids that are not plain integers are compared as text.
 */
export function parseCsvNetwork(nodesCsv: string | Uint8Array, edgesCsv: string | Uint8Array): BaseNetwork {
  const nodeBytes = bytesOf(nodesCsv);
  const b = new BaseNetworkBuilder();
  // Integer ids first; the first id that is not one switches to text ids for the whole network.
  let intIndex: IdIndex | null = null;
  let textIndex: Map<string, number> | null = null;
  const ids = readNodes(nodeBytes, b, null);
  if (ids) intIndex = indexIntIds(ids);
  else {
    textIndex = new Map();
    readNodes(nodeBytes, b, textIndex);
  }
  const e = new CsvBytes(bytesOf(edgesCsv));
  const ec = columns(e.header, ['from', 'to', 'seconds', 'meters'], ['oneway'], 'edges.csv');
  const [cFrom, cTo, cSec, cM, cOne] = [ec.from!, ec.to!, ec.seconds!, ec.meters!, ec.oneway!];
  while (e.next()) {
    const line = e.row + 2;
    let from: number;
    let to: number;
    if (intIndex) {
      const a = e.intId(cFrom);
      const z = e.intId(cTo);
      from = a >= 0 ? intIndex.get(a) : -1;
      to = z >= 0 ? intIndex.get(z) : -1;
    } else {
      from = textIndex!.get(e.str(cFrom)) ?? -1;
      to = textIndex!.get(e.str(cTo)) ?? -1;
    }
    if (from < 0 || to < 0) throw new Error(`edges.csv, line ${line}: unknown node ${from < 0 ? e.raw(cFrom) : e.raw(cTo)}`);
    const sec = e.num(cSec);
    if (!Number.isFinite(sec)) throw new Error(`edges.csv seconds, line ${line}: not a number: "${e.raw(cSec) ?? ''}"`);
    const m = e.num(cM);
    if (!Number.isFinite(m)) throw new Error(`edges.csv meters, line ${line}: not a number: "${e.raw(cM) ?? ''}"`);
    if (sec < 0 || m < 0) throw new Error(`edges.csv, line ${line}: negative seconds or meters`);
    const oneway = cOne >= 0 && (e.is(cOne, '1') || (!e.is(cOne, '0') && !e.is(cOne, '') && ['1', 'true', 'yes'].includes(e.str(cOne).toLowerCase())));
    b.addSegment(from, to, sec, m, DIR_FWD | (oneway ? 0 : DIR_BWD));
  }
  return b.finish();
}

interface IdIndex {
  get(id: number): number;
}

/**
 * Integer ids → node index: a plain array when the ids are dense (numbered 0…n or 1000…, the usual
 * export; lookups then stay in cache), a hash table otherwise (OSM ids).
 */
function indexIntIds(ids: Float64Array): IdIndex {
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const dup = (k: number) => new Error(`nodes.csv, line ${k + 2}: duplicate id ${ids[k]}`);
  if (ids.length && max - min < 4 * ids.length + 1024) {
    const at = new Int32Array(max - min + 1).fill(-1);
    for (let k = 0; k < ids.length; k++) {
      if (at[ids[k]! - min] !== -1) throw dup(k);
      at[ids[k]! - min] = k;
    }
    return { get: (id) => (id >= min && id <= max ? at[id - min]! : -1) };
  }
  const h = new IntIdIndex(ids.length);
  for (let k = 0; k < ids.length; k++) if (!h.add(ids[k]!, k)) throw dup(k);
  return h;
}

/**
 * Reads nodes into b. Without a text index: integer ids, returned in node order (null, having
 * added nothing that counts, at the first id that is not a plain integer).
 */
function readNodes(bytes: Uint8Array, b: BaseNetworkBuilder, textIndex: Map<string, number> | null): Float64Array | null {
  const ids = textIndex ? null : new F64Vec(Math.ceil(bytes.length / 24));
  const r = new CsvBytes(bytes);
  const nc = columns(r.header, ['id', 'lon', 'lat'], [], 'nodes.csv');
  const [cId, cLon, cLat] = [nc.id!, nc.lon!, nc.lat!];
  b.lon.length = b.lat.length = 0;
  while (r.next()) {
    const line = r.row + 2;
    const node = b.lon.length;
    if (ids) {
      const id = r.intId(cId);
      if (id < 0) return null;
      ids.push(id);
    } else {
      const id = r.str(cId);
      if (textIndex!.has(id)) throw new Error(`nodes.csv, line ${line}: duplicate id ${id}`);
      textIndex!.set(id, node);
    }
    const lon = r.num(cLon);
    if (!Number.isFinite(lon)) throw new Error(`nodes.csv lon, line ${line}: not a number: "${r.raw(cLon) ?? ''}"`);
    const lat = r.num(cLat);
    if (!Number.isFinite(lat)) throw new Error(`nodes.csv lat, line ${line}: not a number: "${r.raw(cLat) ?? ''}"`);
    b.addNode(lon, lat);
  }
  return ids ? ids.finish() : new Float64Array(0);
}
