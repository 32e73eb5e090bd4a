import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gridRowsToOrigins, type GridRow } from '../analysis/inputs.ts';
import type { Origin } from '../analysis/points.ts';

/**
 * Reads the SCB 1 km population grid from a GeoPackage (SQLite) with sql.js (WebAssembly, nothing
 * native to install). Takes the first feature table whose name starts with `befolkning` (or the
 * only one), and the `rutid_scb` / `beftotalt` columns.
 */
export async function readScbGridGpkg(path: string, layer?: string): Promise<Origin[]> {
  // Loaded here, not with the engine: most runs never read a GeoPackage.
  const { default: initSqlJs } = await import('sql.js');
  const require = createRequire(import.meta.url);
  const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  const db = new SQL.Database(readFileSync(path));
  try {
    const tables = db.exec("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")[0]?.values.map((v) => String(v[0])) ?? [];
    const name = layer ?? tables.find((t) => t.toLowerCase().startsWith('befolkning')) ?? (tables.length === 1 ? tables[0] : undefined);
    if (!name) throw new Error(`${path}: no SCB grid layer found (feature tables: ${tables.join(', ') || 'none'})`);
    const cols = (db.exec(`PRAGMA table_info("${name.replace(/"/g, '""')}")`)[0]?.values ?? []).map((v) => String(v[1]));
    const lc = cols.map((c) => c.toLowerCase());
    const pick = (c: string): string | undefined => cols[lc.indexOf(c)];
    const rut = pick('rutid_scb');
    const pop = pick('beftotalt');
    if (!rut || !pop) throw new Error(`${path}: layer ${name} lacks rutid_scb/beftotalt (columns: ${cols.join(', ')})`);
    const size = pick('rutstorl');
    const kommun = pick('kommunkod') ?? pick('kn');
    const q = (c: string): string => `"${c.replace(/"/g, '""')}"`;
    const stmt = db.prepare(`SELECT ${q(rut)}, ${q(pop)}, ${size ? q(size) : 'NULL'}, ${kommun ? q(kommun) : 'NULL'} FROM ${q(name)}`);
    const rows: GridRow[] = [];
    while (stmt.step()) {
      const [r, p, s, k] = stmt.get();
      rows.push({
        rutid_scb: String(r),
        beftotalt: Number(p),
        ...(s !== null && s !== undefined ? { rutstorl: Number(s) } : {}),
        ...(k !== null && k !== undefined ? { kommunkod: String(k) } : {}),
      });
    }
    stmt.free();
    return gridRowsToOrigins(rows);
  } finally {
    db.close();
  }
}
