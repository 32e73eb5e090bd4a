import { describe, expect, it } from 'vitest';
import { mergeProfile, DEFAULT_PROFILE } from '../profile.ts';
import { buildGraph } from './build.ts';
import { deserializeGraph, serializeGraph } from './cache.ts';
import { parseCsvNetwork } from './csv-network.ts';
import { GRAPH_ARRAYS } from './graph.ts';

describe('CSV networks', () => {
  const nodes = 'id,lon,lat\na,18.0,59.0\nb,18.01,59.0\nc,18.02,59.0\n';
  it('reads edges with one-way flags', () => {
    const net = parseCsvNetwork(nodes, 'from,to,seconds,meters,oneway\na,b,10,100,1\nb,c,20,200,0\nc,a,30,300,yes\n');
    expect(Array.from(net.segDir)).toEqual([1, 3, 1]);
    expect(Array.from(net.segSec)).toEqual([10, 20, 30]);
    const g = buildGraph(net);
    expect(g.dropped.nodes).toBe(0);
  });
  it('names the line and the problem', () => {
    expect(() => parseCsvNetwork(nodes, 'from,to,seconds,meters\na,x,10,100\n')).toThrow(/edges.csv, line 2: unknown node x/);
    expect(() => parseCsvNetwork(nodes, 'from,to,seconds\na,b,10\n')).toThrow(/missing column\(s\) meters/);
    expect(() => parseCsvNetwork('id,lon,lat\na,1,2\na,3,4\n', 'from,to,seconds,meters\n')).toThrow(/duplicate id a/);
  });
});

describe('graph cache', () => {
  it('round-trips every array and the dropped report', () => {
    const net = parseCsvNetwork(
      'id,lon,lat\na,18.0,59.0\nb,18.01,59.0\nc,18.02,59.0\nd,18.03,59.0\n',
      'from,to,seconds,meters,oneway\na,b,10,100,0\nb,c,20,200,0\nc,d,5,50,1\n',
    );
    const g = buildGraph(net);
    const chunks = serializeGraph(g, { note: 'x' });
    const bytes = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.length;
    }
    const { graph, meta } = deserializeGraph(bytes.buffer);
    expect(meta).toEqual({ note: 'x' });
    for (const k of GRAPH_ARRAYS) expect(Array.from(graph[k])).toEqual(Array.from(g[k]));
    expect(graph.dropped).toEqual(g.dropped);
    expect(Array.from(graph.grid.cellItems)).toEqual(Array.from(g.grid.cellItems));
    expect(() => deserializeGraph(new Uint8Array(16).buffer)).toThrow(/not a Samhandling graph cache/);
  });
});

describe('profile', () => {
  it('merges over the default and removes classes set to 0', () => {
    const p = mergeProfile({ speeds_kmh: { track: 0, residential: 30 }, ferry_kmh: null });
    expect(p.speeds_kmh.track).toBeUndefined();
    expect(p.speeds_kmh.residential).toBe(30);
    expect(p.speeds_kmh.motorway).toBe(DEFAULT_PROFILE.speeds_kmh.motorway);
    expect(p.ferry_kmh).toBeNull();
    expect(() => mergeProfile({ snap_kmh: -1 })).toThrow(/snap_kmh/);
  });
});
