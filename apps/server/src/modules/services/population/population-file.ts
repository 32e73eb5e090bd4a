import { parse } from 'csv-parse/sync';
import { scbCellCentre } from '@samhandling/engine';
import { createRequire } from 'node:module';

/** One place people live: an SCB grid cell, a locality or a row of an origins file. */
export interface ParsedOrigin {
  id: string;
  name: string | null;
  lon: number;
  lat: number;
  population: number;
  municipalityCode: string | null;
  men: number | null;
  women: number | null;
  under20: number | null;
  age65Plus: number | null;
}

export interface ParsedPopulation {
  kind: 'grid' | 'origins';
  year: number | null;
  origins: ParsedOrigin[];
  hasAge: boolean;
}

export class PopulationFileError extends Error {
  constructor(
    readonly key: 'analyses.population_format' | 'analyses.population_unreadable' | 'analyses.population_row' | 'analyses.population_empty',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const MAX_ROWS = 500_000;

/** An SCB age band column (`ald0_4`, `ald65_69`, `ald100w`, older `ald0_5`): its first and last year. */
function ageBand(column: string): { from: number; to: number } | null {
  const m = /^ald(\d+)(?:_(\d+)|_?w)$/.exec(column);
  if (!m) return null;
  return { from: Number(m[1]), to: m[2] === undefined ? Infinity : Number(m[2]) };
}

/**
 * Sums the bands wholly below 20 and wholly from 65; null when the file's bands do not split at
 * those ages (then the count cannot be told from the file).
 */
function ageSplit(columns: string[]) {
  const bands = columns.map((c) => ({ c, b: ageBand(c) })).filter((x): x is { c: string; b: { from: number; to: number } } => x.b !== null);
  if (!bands.length) return null;
  const straddles = (age: number) => bands.some(({ b }) => b.from < age && b.to >= age);
  return {
    under20: straddles(20) ? null : bands.filter(({ b }) => b.to < 20).map(({ c }) => c),
    over65: straddles(65) ? null : bands.filter(({ b }) => b.from >= 65).map(({ c }) => c),
  };
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const s = String(value).trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  // SCB masks small counts; a non-number there counts as unknown, not as zero.
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function gridOrigin(row: Record<string, unknown>, split: ReturnType<typeof ageSplit>, line: number): ParsedOrigin | null {
  const rutid = String(row.rutid_scb ?? '').trim();
  const population = toNumber(row.beftotalt);
  if (population === null) throw new PopulationFileError('analyses.population_row', { line, reason: 'beftotalt' });
  if (!(population > 0)) return null;
  const size = toNumber(row.rutstorl) ?? 1000;
  let lon: number;
  let lat: number;
  try {
    [lon, lat] = scbCellCentre(rutid, size > 0 ? size : 1000);
  } catch {
    throw new PopulationFileError('analyses.population_row', { line, reason: `rutid_scb "${rutid.slice(0, 20)}"` });
  }
  const sum = (cols: string[] | null | undefined) => {
    if (!cols) return null;
    let total = 0;
    for (const c of cols) {
      const v = toNumber(row[c]);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  const muni = String(row.kommunkod ?? row.kn ?? '').trim();
  return {
    id: rutid,
    name: null,
    lon,
    lat,
    population,
    municipalityCode: /^\d{4}$/.test(muni) ? muni : null,
    men: toNumber(row.man),
    women: toNumber(row.kvinna),
    under20: sum(split?.under20),
    age65Plus: sum(split?.over65),
  };
}

function yearFrom(text: string | null | undefined): number | null {
  const m = /(19|20)\d\d/.exec(text ?? '');
  return m ? Number(m[0]) : null;
}

function fromGridRows(rows: Record<string, unknown>[], columns: string[], year: number | null): ParsedPopulation {
  const split = ageSplit(columns);
  const origins: ParsedOrigin[] = [];
  rows.forEach((row, k) => {
    const o = gridOrigin(row, split, k + 2);
    if (o) origins.push(o);
  });
  const hasAge = origins.some((o) => o.under20 !== null || o.age65Plus !== null);
  return { kind: 'grid', year: year ?? yearFrom(String(rows[0]?.referenstid ?? '')), origins, hasAge };
}

async function readGpkg(buffer: Buffer): Promise<ParsedPopulation> {
  const require = createRequire(import.meta.url);
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  let db;
  try {
    db = new SQL.Database(buffer);
  } catch (error) {
    throw new PopulationFileError('analyses.population_unreadable', { reason: (error as Error).message });
  }
  try {
    let tables: string[];
    try {
      tables = db.exec("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")[0]?.values.map((v) => String(v[0])) ?? [];
    } catch {
      throw new PopulationFileError('analyses.population_unreadable', { reason: 'gpkg_contents' });
    }
    const name = tables.find((t) => t.toLowerCase().startsWith('befolkning')) ?? (tables.length === 1 ? tables[0] : undefined);
    if (!name) throw new PopulationFileError('analyses.population_unreadable', { reason: `befolkning_1km_* (${tables.join(', ') || '–'})` });
    const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const cols = (db.exec(`PRAGMA table_info(${q(name)})`)[0]?.values ?? []).map((v) => String(v[1]));
    const lower = cols.map((c) => c.toLowerCase());
    if (!lower.includes('rutid_scb') || !lower.includes('beftotalt'))
      throw new PopulationFileError('analyses.population_unreadable', { reason: `rutid_scb, beftotalt (${cols.slice(0, 12).join(', ')})` });
    const wanted = cols.filter((c) => /^(rutid_scb|beftotalt|rutstorl|kommunkod|kn|man|kvinna|referenstid|ald.*)$/i.test(c));
    const stmt = db.prepare(`SELECT ${wanted.map(q).join(', ')} FROM ${q(name)}`);
    const rows: Record<string, unknown>[] = [];
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, unknown> = {};
      wanted.forEach((c, i) => (row[c.toLowerCase()] = values[i]));
      rows.push(row);
      if (rows.length > MAX_ROWS) throw new PopulationFileError('analyses.population_unreadable', { reason: `> ${MAX_ROWS}` });
    }
    stmt.free();
    return fromGridRows(rows, wanted.map((c) => c.toLowerCase()), yearFrom(name));
  } finally {
    db.close();
  }
}

function readCsvText(text: string): ParsedPopulation {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.includes(';') && !first.includes(',') ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parse(clean, { delimiter, columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new PopulationFileError('analyses.population_unreadable', { reason: (error as Error).message.slice(0, 200) });
  }
  if (rows.length > MAX_ROWS) throw new PopulationFileError('analyses.population_unreadable', { reason: `> ${MAX_ROWS}` });
  const columns = first.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (columns.includes('rutid_scb') && columns.includes('beftotalt')) return fromGridRows(rows, columns, null);
  if (!['id', 'lon', 'lat'].every((c) => columns.includes(c))) throw new PopulationFileError('analyses.population_format');
  const seen = new Map<string, number>();
  const origins = rows.map((r, k): ParsedOrigin => {
    const line = k + 2;
    const id = (r.id ?? '').trim();
    if (!id) throw new PopulationFileError('analyses.population_row', { line, reason: 'id' });
    if (seen.has(id)) throw new PopulationFileError('analyses.population_row', { line, reason: `id ${id.slice(0, 40)} (${seen.get(id)})` });
    seen.set(id, line);
    const lon = toNumber(r.lon);
    const lat = toNumber(r.lat);
    if (lon === null || lat === null || lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new PopulationFileError('analyses.population_row', { line, reason: 'lon/lat' });
    const population = r.population === undefined ? 1 : toNumber(r.population);
    if (population === null || population < 0) throw new PopulationFileError('analyses.population_row', { line, reason: 'population' });
    const muni = (r.municipality ?? r.kommunkod ?? '').trim();
    return {
      id,
      name: r.name?.trim() || null,
      lon,
      lat,
      population,
      municipalityCode: /^\d{4}$/.test(muni) ? muni : null,
      men: null,
      women: null,
      under20: toNumber(r.under_20),
      age65Plus: toNumber(r.age_65_plus),
    };
  });
  return { kind: 'origins', year: null, origins, hasAge: origins.some((o) => o.under20 !== null || o.age65Plus !== null) };
}

/** Reads an uploaded population file, sniffed by content: GeoPackage (SQLite) or CSV. */
export async function readPopulationFile(buffer: Buffer): Promise<ParsedPopulation> {
  const parsed =
    buffer.subarray(0, 16).toString('latin1') === SQLITE_MAGIC ? await readGpkg(buffer) : buffer.includes(0) ? (() => { throw new PopulationFileError('analyses.population_format'); })() : readCsvText(buffer.toString('utf8'));
  if (!parsed.origins.some((o) => o.population > 0)) throw new PopulationFileError('analyses.population_empty');
  return parsed;
}
