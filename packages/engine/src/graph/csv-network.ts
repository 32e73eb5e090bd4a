import { columns, num, parseCsv } from '../io/csv.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, type BaseNetwork } from './base.ts';

/**
 * Network from plain files: nodes.csv (`id,lon,lat`) and edges.csv (`from,to,seconds,meters,oneway`).
 * oneway: 1/true/yes = only from→to; 0/false/no/empty = both ways. Each edge is a straight segment;
 * give intermediate nodes to draw curves.
 */
export function parseCsvNetwork(nodesCsv: string, edgesCsv: string): BaseNetwork {
  const nodes = parseCsv(nodesCsv);
  const nc = columns(nodes.header, ['id', 'lon', 'lat'], [], 'nodes.csv');
  const b = new BaseNetworkBuilder();
  const index = new Map<string, number>();
  nodes.rows.forEach((r, k) => {
    const id = r[nc.id!]!.trim();
    if (index.has(id)) throw new Error(`nodes.csv, line ${k + 2}: duplicate id ${id}`);
    index.set(id, b.addNode(num(r[nc.lon!], 'nodes.csv lon', k + 2), num(r[nc.lat!], 'nodes.csv lat', k + 2)));
  });
  const edges = parseCsv(edgesCsv);
  const ec = columns(edges.header, ['from', 'to', 'seconds', 'meters'], ['oneway'], 'edges.csv');
  edges.rows.forEach((r, k) => {
    const line = k + 2;
    const from = index.get(r[ec.from!]!.trim());
    const to = index.get(r[ec.to!]!.trim());
    if (from === undefined || to === undefined)
      throw new Error(`edges.csv, line ${line}: unknown node ${from === undefined ? r[ec.from!] : r[ec.to!]}`);
    const sec = num(r[ec.seconds!], 'edges.csv seconds', line);
    const m = num(r[ec.meters!], 'edges.csv meters', line);
    if (sec < 0 || m < 0) throw new Error(`edges.csv, line ${line}: negative seconds or meters`);
    const ow = (ec.oneway! >= 0 ? (r[ec.oneway!] ?? '') : '').trim().toLowerCase();
    const oneway = ow === '1' || ow === 'true' || ow === 'yes';
    b.addSegment(from, to, sec, m, DIR_FWD | (oneway ? 0 : DIR_BWD));
  });
  return b.finish();
}
