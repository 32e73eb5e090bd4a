import proj4 from 'proj4';
import { CsvBytes } from '../io/csv-bytes.ts';
import { columns, num, parseCsv } from '../io/csv.ts';
import { isServiceType } from '../osm/services.ts';
import type { Origin, ServicePoint } from './points.ts';

/** Service points CSV: `id,type,lon,lat[,name]`. */
export function parsePointsCsv(text: string): ServicePoint[] {
  const { header, rows } = parseCsv(text);
  const c = columns(header, ['id', 'type', 'lon', 'lat'], ['name'], 'points CSV');
  return rows.map((r, k) => {
    const type = r[c.type!]!.trim();
    if (!isServiceType(type))
      throw new Error(`points CSV, line ${k + 2}: unknown type "${type}" (groceries, fuel, pharmacy, post, payment)`);
    const name = c.name! >= 0 ? r[c.name!]?.trim() : undefined;
    return {
      id: r[c.id!]!.trim(),
      type,
      lon: num(r[c.lon!], 'points CSV lon', k + 2),
      lat: num(r[c.lat!], 'points CSV lat', k + 2),
      ...(name ? { name } : {}),
    };
  });
}

/**
 * Origins CSV: `id,lon,lat[,population][,municipality]` (population defaults to 1). Read from bytes
 * (CsvBytes): a national set of 115,000 places makes no string per field, only ids and codes.
 */
export function parseOriginsCsv(input: string | Uint8Array): Origin[] {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const r = new CsvBytes(bytes);
  if (r.header.map((h) => h.toLowerCase()).includes('rutid_scb')) return parseScbGridCsv(typeof input === 'string' ? input : new TextDecoder().decode(input));
  const c = columns(r.header, ['id', 'lon', 'lat'], ['population', 'municipality', 'kommunkod'], 'origins CSV');
  const muni = c.municipality! >= 0 ? c.municipality! : c.kommunkod!;
  const [cId, cLon, cLat, cPop] = [c.id!, c.lon!, c.lat!, c.population!];
  const out: Origin[] = [];
  const number = (i: number, what: string, line: number): number => {
    const x = r.num(i);
    if (!Number.isFinite(x)) throw new Error(`origins CSV ${what}, line ${line}: not a number: "${r.raw(i) ?? ''}"`);
    return x;
  };
  while (r.next()) {
    const line = r.row + 2;
    const id = r.str(cId);
    const lon = number(cLon, 'lon', line);
    const lat = number(cLat, 'lat', line);
    const population = cPop >= 0 ? number(cPop, 'population', line) : 1;
    const m = muni >= 0 ? r.str(muni) : '';
    out.push(m ? { id, lon, lat, population, municipality: m } : { id, lon, lat, population });
  }
  return out;
}

proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');
const toWgs84 = proj4('EPSG:3006', 'EPSG:4326');

/** SWEREF99 TM (EPSG:3006) easting/northing → [lon, lat] in WGS84. */
export function sweref99tmToWgs84(e: number, n: number): [number, number] {
  const [lon, lat] = toWgs84.forward([e, n]) as [number, number];
  return [lon, lat];
}

/**
 * SCB grid cell id (`rutid_scb`: lower-left easting then northing, e.g. 3940006133000 for a 1 km
 * cell) → cell centre in WGS84. The id has 13 digits: 6 for the easting, 7 for the northing.
 */
export function scbCellCentre(rutid: string, size = 1000): [number, number] {
  const s = rutid.trim();
  if (!/^\d{13}$/.test(s)) throw new Error(`not an SCB grid id (13 digits): "${rutid}"`);
  const e = Number(s.slice(0, 6)) + size / 2;
  const n = Number(s.slice(6)) + size / 2;
  return sweref99tmToWgs84(e, n);
}

export interface GridRow {
  rutid_scb: string;
  beftotalt: number;
  rutstorl?: number;
  kommunkod?: string;
}

export function gridRowsToOrigins(rows: GridRow[]): Origin[] {
  const out: Origin[] = [];
  for (const r of rows) {
    if (!(r.beftotalt > 0)) continue;
    const [lon, lat] = scbCellCentre(r.rutid_scb, r.rutstorl && r.rutstorl > 0 ? r.rutstorl : 1000);
    out.push({ id: r.rutid_scb, lon, lat, population: r.beftotalt, ...(r.kommunkod ? { municipality: r.kommunkod } : {}) });
  }
  return out;
}

/** SCB grid as CSV with `rutid_scb` and `beftotalt` (optional `rutstorl`, `kommunkod`). */
export function parseScbGridCsv(text: string): Origin[] {
  const { header, rows } = parseCsv(text);
  const c = columns(header, ['rutid_scb', 'beftotalt'], ['rutstorl', 'kommunkod', 'kn'], 'SCB grid CSV');
  const muni = c.kommunkod! >= 0 ? c.kommunkod! : c.kn!;
  return gridRowsToOrigins(
    rows.map((r, k) => {
      const m = muni >= 0 ? r[muni]?.trim() : undefined;
      return {
        rutid_scb: r[c.rutid_scb!]!.trim(),
        beftotalt: num(r[c.beftotalt!], 'SCB grid CSV beftotalt', k + 2),
        ...(c.rutstorl! >= 0 && r[c.rutstorl!]?.trim() ? { rutstorl: num(r[c.rutstorl!], 'SCB grid CSV rutstorl', k + 2) } : {}),
        ...(m ? { kommunkod: m } : {}),
      };
    }),
  );
}
