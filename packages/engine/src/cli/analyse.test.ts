import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalyseCli } from './analyse.ts';

const quiet = { out: (_: string) => {}, err: (_: string) => {} };
const run = (argv: string[]) => runAnalyseCli(argv, quiet.out, quiet.err);

describe('samhandling analyse', () => {
  it('prints help and rejects bad usage with exit code 2', async () => {
    let text = '';
    expect(await runAnalyseCli(['--help'], (s) => (text += s))).toBe(0);
    expect(text).toContain('--network-nodes');
    expect(await run(['--origins', 'x.csv'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
  });

  it('runs on a CSV network with a scenario, writing result.csv and summary.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-cli-'));
    const f = (n: string) => join(dir, n);
    writeFileSync(f('nodes.csv'), 'id,lon,lat\nA,18.00,59.00\nB,18.02,59.00\nC,18.04,59.00\nD,18.06,59.00\n');
    writeFileSync(f('edges.csv'), 'from,to,seconds,meters,oneway\nA,B,100,1150,0\nB,C,100,1150,0\nC,D,100,1150,0\n');
    writeFileSync(f('points.csv'), 'id,type,lon,lat,name\nshopA,groceries,18.00,59.00,Affären\nshopD,groceries,18.06,59.00,\n');
    writeFileSync(f('origins.csv'), 'id,lon,lat,population\nhome,18.02,59.00,4\nfar,19.5,59.5,1\n');
    writeFileSync(f('scenario.json'), JSON.stringify({ close: ['shopA'] }));
    const code = await run([
      '--network-nodes',
      f('nodes.csv'),
      '--network-edges',
      f('edges.csv'),
      '--points',
      f('points.csv'),
      '--types',
      'groceries',
      '--origins',
      f('origins.csv'),
      '--out',
      f('result.csv'),
      '--summary',
      f('summary.json'),
      '--scenario',
      f('scenario.json'),
      '--threads',
      '1',
      '--save-graph',
      f('graph.bin'),
    ]);
    expect(code).toBe(0);
    const lines = readFileSync(f('result.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status');
    expect(lines[1]).toBe('home,groceries,shopD,200.0,2300,,,,0.0,ok');
    expect(lines[2]).toBe('far,groceries,,,,,,,,no_road');
    const s = JSON.parse(readFileSync(f('summary.json'), 'utf8'));
    expect(Object.keys(s.timings_ms)).toEqual(['load', 'build', 'snap', 'compute', 'aggregate', 'total']);
    expect(s.scenario.changed_origins.groceries).toEqual(['home']);
    expect(s.scenario.before.groceries.mean_min).toBeCloseTo(100 / 60, 9);
    expect(s.scenario.after.groceries.mean_min).toBeCloseTo(200 / 60, 9);
    expect(s.scenario.change.groceries.mean_min).toBeCloseTo(100 / 60, 9);
    expect(s.scenario.change.groceries.classes[0]).toMatchObject({ label: '<5', population: 0 });
    // "home" lost its second point: it is now vulnerable.
    expect(s.scenario.change.groceries.vulnerable.population).toBe(4);
    expect(s.network.dropped.nodes).toBe(0);

    // The saved cache loads as --network and gives the same result as before the scenario.
    const code2 = await run([
      '--network',
      f('graph.bin'),
      '--points',
      f('points.csv'),
      '--origins',
      f('origins.csv'),
      '--out',
      f('r2.csv'),
      '--types',
      'groceries',
      '--threads',
      '1',
    ]);
    expect(code2).toBe(0);
    expect(readFileSync(f('r2.csv'), 'utf8').split('\n')[1]).toBe('home,groceries,shopA,100.0,1150,shopD,200.0,2300,0.0,ok');
  });

  it('works from OSM with --points-from-osm and in straight-line mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-cli-osm-'));
    writeFileSync(join(dir, 'o.csv'), 'id,lon,lat\nx,7.42,43.735\n');
    const pbf = fileURLToPath(new URL('../../test/fixtures/monaco.osm.pbf', import.meta.url));
    expect(
      await run(['--network', pbf, '--points-from-osm', '--origins', join(dir, 'o.csv'), '--out', join(dir, 'r.csv'), '--threads', '1']),
    ).toBe(0);
    const rows = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.endsWith(',ok')).toBe(true);
    writeFileSync(join(dir, 'p.csv'), 'id,type,lon,lat\nP,fuel,7.43,43.74\n');
    expect(
      await run([
        '--straight-line',
        '--points',
        join(dir, 'p.csv'),
        '--types',
        'fuel',
        '--origins',
        join(dir, 'o.csv'),
        '--out',
        join(dir, 's.csv'),
      ]),
    ).toBe(0);
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toMatch(/x,fuel,P,[\d.]+,\d+,,,,0.0,straight_line/);
  });
});
