import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, num, parseCsv } from '../io/csv.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, type BaseNetwork } from './base.ts';
import { parseCsvNetwork } from './csv-network.ts';

/** The reader as it was, on text with the generic CSV parser: the byte reader must read exactly this. */
function reference(nodesCsv: string, edgesCsv: string): BaseNetwork {
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
    if (from === undefined || to === undefined) throw new Error(`edges.csv, line ${line}: unknown node ${from === undefined ? r[ec.from!] : r[ec.to!]}`);
    const sec = num(r[ec.seconds!], 'edges.csv seconds', line);
    const m = num(r[ec.meters!], 'edges.csv meters', line);
    if (sec < 0 || m < 0) throw new Error(`edges.csv, line ${line}: negative seconds or meters`);
    const ow = (ec.oneway! >= 0 ? (r[ec.oneway!] ?? '') : '').trim().toLowerCase();
    b.addSegment(from, to, sec, m, DIR_FWD | (ow === '1' || ow === 'true' || ow === 'yes' ? 0 : DIR_BWD));
  });
  return b.finish();
}

const same = (a: BaseNetwork, b: BaseNetwork) => {
  for (const k of ['lon', 'lat', 'segA', 'segB', 'segSec', 'segMeters', 'segDir'] as const) expect(Array.from(a[k]), k).toEqual(Array.from(b[k]));
};

/** Numbers written every way a spreadsheet or a script might. */
const numberText = fc.oneof(
  fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x.toFixed(7)),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.constantFrom('1e3', '+12.5', '.5', '-0', '0.1000000000000000055511151231257827', '12345678901234567', ' 59.5 ', '0x10', '18.000000000000001'),
);
const idText = (ints: boolean) =>
  ints ? fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }).map(String), fc.integer({ min: 1, max: 60 }).map(String)) : fc.oneof(fc.integer({ min: 0, max: 60 }).map(String), fc.constantFrom('007', ' 7', 'a', 'b,c', 'n"1"', 'ö', '7 '));

function quoteMaybe(s: string, q: boolean): string {
  return q || /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvCase = fc
  .record({
    ints: fc.boolean(),
    sep: fc.constantFrom(',', ';'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    blankLines: fc.boolean(),
    quoteAll: fc.boolean(),
  })
  .chain((o) =>
    fc.record({
      o: fc.constant(o),
      nodes: fc.uniqueArray(fc.tuple(idText(o.ints), numberText, numberText), { minLength: 1, maxLength: 25, selector: (t) => t[0].trim() }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), numberText, numberText, fc.constantFrom('', '0', '1', 'yes', 'TRUE', ' no', 'x')), { maxLength: 40 }),
    }),
  );

function write(c: { o: { sep: string; eol: string; bom: boolean; blankLines: boolean; quoteAll: boolean }; nodes: [string, string, string][]; edges: [number, number, string, string, string][] }) {
  const { sep, eol, bom, blankLines, quoteAll } = c.o;
  const line = (fields: string[]) => fields.map((f) => quoteMaybe(f, quoteAll && f !== '')).join(sep);
  const nodes = [line(['id', 'lon', 'lat']), ...c.nodes.map((n) => line(n))];
  const edges = [line(['from', 'to', 'seconds', 'meters', 'oneway'])];
  for (const [a, b, s, m, ow] of c.edges) {
    edges.push(line([c.nodes[a % c.nodes.length]![0], c.nodes[b % c.nodes.length]![0], s, m, ow]));
    if (blankLines && a % 5 === 0) edges.push('');
  }
  return { nodes: (bom ? '\ufeff' : '') + nodes.join(eol) + eol, edges: edges.join(eol) + (blankLines ? eol + eol : '') };
}

describe('CSV network reader (bytes)', () => {
  it('reads exactly what the text reader reads, or fails with the same message', () => {
    fc.assert(
      fc.property(csvCase, (c) => {
        const { nodes, edges } = write(c);
        let expected: BaseNetwork | Error;
        try {
          expected = reference(nodes, edges);
        } catch (e) {
          expected = e as Error;
        }
        if (expected instanceof Error) {
          expect(() => parseCsvNetwork(nodes, edges)).toThrow(expected.message);
          return;
        }
        same(parseCsvNetwork(nodes, edges), expected);
        // From bytes as from text.
        same(parseCsvNetwork(new TextEncoder().encode(nodes), new TextEncoder().encode(edges)), expected);
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('keeps integer ids apart from text ids that look alike, sparse or dense', () => {
    const edges = 'from,to,seconds,meters\n10,20,5,50\n';
    // Dense ids (a plain array) and sparse ones (a hash table) give the same network.
    same(parseCsvNetwork('id,lon,lat\n10,18,59\n20,18.1,59\n', edges), reference('id,lon,lat\n10,18,59\n20,18.1,59\n', edges));
    const sparse = 'id,lon,lat\n10,18,59\n20000000000,18.1,59\n';
    same(parseCsvNetwork(sparse, 'from,to,seconds,meters\n20000000000,10,5,50\n'), reference(sparse, 'from,to,seconds,meters\n20000000000,10,5,50\n'));
    expect(() => parseCsvNetwork('id,lon,lat\n7,18,59\n8,18.1,59\n', 'from,to,seconds,meters\n007,8,5,50\n')).toThrow('edges.csv, line 2: unknown node 007');
    expect(() => parseCsvNetwork('id,lon,lat\n7,18,59\n7,18.1,59\n', 'from,to,seconds,meters\n')).toThrow('nodes.csv, line 3: duplicate id 7');
    expect(() => parseCsvNetwork('id,lon,lat\n7,18,59\n20000000000,1,2\n7,18.1,59\n', 'from,to,seconds,meters\n')).toThrow('nodes.csv, line 4: duplicate id 7');
    // "007" and "7" are different nodes when the ids are text.
    const text = 'id,lon,lat\n007,18,59\n7,18.1,59\n';
    same(parseCsvNetwork(text, 'from,to,seconds,meters\n007,7,5,50\n'), reference(text, 'from,to,seconds,meters\n007,7,5,50\n'));
  });
});
