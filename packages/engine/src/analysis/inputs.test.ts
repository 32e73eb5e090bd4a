import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readScbGridGpkg } from '../io/gpkg.ts';
import { aggregate } from './aggregate.ts';
import { parseOriginsCsv, parsePointsCsv, parseScbGridCsv, scbCellCentre, sweref99tmToWgs84 } from './inputs.ts';
import { AccessibilityModel } from './model.ts';
import { DEFAULT_PROFILE } from '../profile.ts';

describe('SCB population grid', () => {
  it('converts SWEREF99 TM to WGS84', () => {
    // Easting 500 000 is the projection's central meridian, 15° E.
    expect(sweref99tmToWgs84(500000, 6650000)[0]).toBeCloseTo(15, 9);
    const [lon, lat] = sweref99tmToWgs84(674032, 6580822);
    expect(lon).toBeGreaterThan(18.0);
    expect(lon).toBeLessThan(18.1);
    expect(lat).toBeGreaterThan(59.3);
    expect(lat).toBeLessThan(59.35);
  });

  it('reads the grid from CSV: cell centre from rutid_scb, empty cells skipped', () => {
    const o = parseScbGridCsv(
      'rutid_scb,beftotalt,kommunkod\n3940006133000,120,1280\n3950006133000,0,1280\n"6740006580000";7;0180\n'.replace(
        '"6740006580000";7;0180',
        '6740006580000,7,0180',
      ),
    );
    expect(o).toHaveLength(2);
    expect(o[0]).toMatchObject({ id: '3940006133000', population: 120, municipality: '1280' });
    const [lon, lat] = sweref99tmToWgs84(394500, 6133500);
    expect(o[0]!.lon).toBeCloseTo(lon, 9);
    expect(o[0]!.lat).toBeCloseTo(lat, 9);
    expect(o[1]!.lat).toBeGreaterThan(59);
    expect(() => scbCellCentre('123')).toThrow(/13 digits/);
    // The generic origins reader recognises the grid by its columns.
    expect(parseOriginsCsv('rutid_scb;beftotalt\n3940006133000;5\n')).toHaveLength(1);
  });

  it('reads the grid from a GeoPackage', async () => {
    const require = createRequire(import.meta.url);
    const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
    const db = new SQL.Database();
    db.run(`CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER);
            INSERT INTO gpkg_contents VALUES ('befolkning_1km_2025', 'features', 'befolkning_1km_2025', 3006);
            CREATE TABLE befolkning_1km_2025 (fid INTEGER PRIMARY KEY, geom BLOB, rutid_scb TEXT, rutid_inspire TEXT, rutstorl INTEGER, beftotalt INTEGER, man INTEGER, kvinna INTEGER);
            INSERT INTO befolkning_1km_2025 VALUES (1, NULL, '3940006133000', '1kmN6133E394', 1000, 42, 20, 22);
            INSERT INTO befolkning_1km_2025 VALUES (2, NULL, '6740006580000', '1kmN6580E674', 1000, 1234, 600, 634);`);
    const dir = mkdtempSync(join(tmpdir(), 'engine-gpkg-'));
    const path = join(dir, 'grid.gpkg');
    writeFileSync(path, db.export());
    db.close();
    const o = await readScbGridGpkg(path);
    expect(o.map((x) => [x.id, x.population])).toEqual([
      ['3940006133000', 42],
      ['6740006580000', 1234],
    ]);
    expect(o[1]!.lon).toBeCloseTo(sweref99tmToWgs84(674500, 6580500)[0], 9);
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('CSV inputs, straight-line fallback and aggregates', () => {
  it('parses points and origins and reports bad rows clearly', () => {
    expect(parsePointsCsv('id,type,lon,lat,name\nA,groceries,18,59,"Konsum, Byn"\n')).toEqual([
      { id: 'A', type: 'groceries', lon: 18, lat: 59, name: 'Konsum, Byn' },
    ]);
    expect(() => parsePointsCsv('id,type,lon,lat\nA,bakery,18,59\n')).toThrow(/line 2: unknown type "bakery"/);
    expect(() => parseOriginsCsv('id,lon\nA,18\n')).toThrow(/missing column\(s\) lat/);
    expect(() => parseOriginsCsv('id,lon,lat\nA,18,x\n')).toThrow(/line 2: not a number/);
  });

  it('uses straight-line distance × detour when there is no network, and says so', async () => {
    const m = await AccessibilityModel.create({
      graph: null,
      points: [
        { id: 'near', type: 'pharmacy', lon: 18, lat: 59.01 },
        { id: 'far', type: 'pharmacy', lon: 18, lat: 59.1 },
      ],
      origins: [{ id: 'o', lon: 18, lat: 59, population: 10, municipality: '0180' }],
      types: ['pharmacy'],
      profile: DEFAULT_PROFILE,
      straightLine: { detour: 1.3, kmh: 60 },
    });
    const r = m.results('pharmacy');
    expect(r.status[0]).toBe(3);
    expect(m.points[r.nearest[0]!]!.id).toBe('near');
    expect(r.meters[0]).toBeCloseTo(1111.95 * 1.3, 0);
    expect(r.sec[0]).toBeCloseTo((1111.95 * 1.3 * 3.6) / 60, 0);
    expect(m.points[r.second[0]!]!.id).toBe('far');
    const out = m.applyScenario({ close: ['near'] });
    expect(out.changes.pharmacy).toHaveLength(1);
    expect(m.points[r.nearest[0]!]!.id).toBe('far');
  });

  it('aggregates population by class, mean, median, vulnerability and municipality', () => {
    const origins = [
      { id: 'a', lon: 0, lat: 0, population: 10, municipality: '1' },
      { id: 'b', lon: 0, lat: 0, population: 30, municipality: '1' },
      { id: 'c', lon: 0, lat: 0, population: 60, municipality: '2' },
      { id: 'd', lon: 0, lat: 0, population: 5, municipality: '2' },
    ];
    const r = {
      type: 'groceries' as const,
      nearest: Int32Array.from([0, 0, 1, -1]),
      sec: Float64Array.from([120, 420, 2400, Infinity]),
      meters: Float64Array.from([1, 1, 1, Infinity]),
      second: Int32Array.from([1, 1, -1, -1]),
      sec2: Float64Array.from([300, 900, Infinity, Infinity]),
      meters2: Float64Array.from([1, 1, Infinity, Infinity]),
      status: Uint8Array.from([0, 0, 0, 2]),
    };
    const a = aggregate(r, origins);
    expect(a.classes.map((c) => [c.label, c.population])).toEqual([
      ['<5', 10],
      ['5–10', 30],
      ['10–30', 0],
      ['>30', 60],
    ]);
    expect(a.no_road.population).toBe(5);
    expect(a.mean_min).toBeCloseTo((10 * 2 + 30 * 7 + 60 * 40) / 100, 9);
    expect(a.median_min).toBe(40);
    expect(a.vulnerable.population).toBe(90);
    expect(a.by_municipality!['1']!.population).toBe(40);
    expect(a.by_municipality!['2']!.classes[3]!.population).toBe(60);
  });
});

describe('origins CSV (read from bytes)', () => {
  it('reads ids, positions, population and municipality however the file is written', () => {
    const rows = [
      { id: 'by-1', lon: 17.89, lat: 66.05, population: 12, municipality: '2418' },
      { id: 'Övre "Byn", norra', lon: 18.5, lat: 65.1, population: 3 },
      { id: '007', lon: -0.5, lat: 59.123456789012, population: 1e3, municipality: '0180' },
    ];
    const expected = rows.map(({ municipality, ...o }) => (municipality ? { ...o, municipality } : o));
    const q = (s: string) => (/[",;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    for (const sep of [',', ';'])
      for (const eol of ['\n', '\r\n']) {
        const text = ['id,lon,lat,population,kommunkod'.replaceAll(',', sep), ...rows.map((r) => [q(r.id), ` ${r.lon}`, String(r.lat), r.population === 1e3 ? '1e3' : String(r.population), r.municipality ?? ''].join(sep))].join(eol) + eol + eol;
        expect(parseOriginsCsv(text)).toEqual(expected);
        expect(parseOriginsCsv(new TextEncoder().encode('\ufeff' + text))).toEqual(expected);
      }
    expect(parseOriginsCsv('id,lon,lat\na,1,2\n')).toEqual([{ id: 'a', lon: 1, lat: 2, population: 1 }]);
    expect(() => parseOriginsCsv('id,lon,lat\na,1,2\nb,x,2\n')).toThrow('origins CSV lon, line 3: not a number: "x"');
    expect(() => parseOriginsCsv('id,lon,lat,population\na,1,2,\n')).toThrow('origins CSV population, line 2: not a number: ""');
    expect(() => parseOriginsCsv('id,lat\na,1\n')).toThrow(/missing column\(s\) lon/);
  });
});
