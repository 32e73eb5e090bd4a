import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import { knownMigrations, migrateTo } from '../migrate.ts';
import {
  BackupInvalidError,
  DATA_DIRECTORIES,
  expectedEntries,
  readAll,
  readArchive,
  SESSION_SECRET_FILE,
  type BackupManifest,
} from './archive.ts';
import { foreignKeys, ident, insertableColumns, REFERENCE_TABLES } from './catalog.ts';

/** A restore that cannot start: the target is not empty, or the backup is from a newer version. */
export class RestoreRefusedError extends Error {}

/** Rows per INSERT (fewer when rows are large). */
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

async function hasAnyFile(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir, { withFileTypes: true, recursive: true })).some((e) => !e.isDirectory());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Why DATA_DIR cannot take the backup's files, or undefined when it can (uploads/ and networks/ hold no file). */
export async function dataDirProblem(dataDir: string): Promise<string | undefined> {
  for (const sub of DATA_DIRECTORIES) {
    if (await hasAnyFile(path.join(dataDir, sub))) return `${path.join(dataDir, sub)} is not empty`;
  }
  return undefined;
}

/**
 * Why the database cannot take a restore of `manifest`, or undefined when it can. It can when it has
 * no tables, or when it has only been migrated (no rows but the shipped geography) to a level the
 * backup has reached.
 */
export async function databaseProblem(db: Kysely<any>, manifest: BackupManifest): Promise<string | undefined> {
  const known = knownMigrations();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length) return `the backup was made by a newer version of Samhandling (${manifest.version}; migrations ${unknown.join(', ')} are unknown here): upgrade first`;
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(db)).rows.map((r) => r.name);
  if (!tables.length) return undefined;
  if (tables.includes('schema_migrations')) {
    const applied = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map((r) => r.name);
    if (applied.some((m, i) => manifest.migrations[i] !== m)) return 'the database has a newer schema than the backup: restore into a new, empty database';
  }
  for (const table of tables) {
    if (table === 'schema_migrations' || table === 'schema_migrations_lock' || REFERENCE_TABLES.has(table)) continue;
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.raw(`public.${ident(table)}`)} limit 1`.execute(db);
    if (rows.length) return `the database is not empty (table ${table} has rows): restore into a new, empty database`;
  }
  return undefined;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

function safeTarget(dataDir: string, name: string): string {
  const relative = name.slice('files/'.length);
  const target = path.resolve(dataDir, relative);
  const allowed = relative === SESSION_SECRET_FILE || DATA_DIRECTORIES.some((d) => target.startsWith(path.resolve(dataDir, d) + path.sep));
  if (!name.startsWith('files/') || !allowed) throw new BackupInvalidError(`${name}: a file outside DATA_DIR's data directories`);
  return target;
}

/**
 * Restores a verified backup: the schema is brought to the backup's migration level, every row is
 * loaded in one transaction (foreign keys set aside and checked again when the rows are in), the
 * sequences are set, and the files are written under DATA_DIR. Checksums are checked again as the
 * entries are read. The caller migrates to the latest level afterwards.
 */
export async function restoreBackup(options: { db: Kysely<any>; dataDir: string; file: string; manifest: BackupManifest }): Promise<RestoreResult> {
  const { db, dataDir, file, manifest } = options;
  const problem = (await databaseProblem(db, manifest)) ?? (await dataDirProblem(dataDir));
  if (problem) throw new RestoreRefusedError(problem);
  const level = manifest.migrations.at(-1);
  if (level) await migrateTo(db, level);
  const expected = expectedEntries(manifest);
  const tableOf = new Map<string, string>();
  for (const table of manifest.tables) for (const part of table.parts) tableOf.set(part.path, table.name);
  const result: RestoreResult = { tables: manifest.tables.length, rows: 0, files: 0, bytes: 0 };
  const check = (name: string, content: Buffer | { bytes: number; sha256: string }) => {
    const info = expected.get(name);
    const actual = Buffer.isBuffer(content) ? { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') } : content;
    if (!info || info.bytes !== actual.bytes || info.sha256 !== actual.sha256) throw new BackupInvalidError(`${name} does not match its checksum in manifest.json: the backup is damaged`);
  };

  await db.transaction().execute(async (trx) => {
    const keys = await foreignKeys(trx);
    for (const key of keys) await sql.raw(`alter table public.${ident(key.table)} drop constraint ${ident(key.name)}`).execute(trx);
    // A migrated database may already hold rows (the shipped geography, anything a migration
    // inserts); the backup brings its own copy of every table.
    if (manifest.tables.length) await sql.raw(`truncate table ${manifest.tables.map((t) => `public.${ident(t.name)}`).join(', ')}`).execute(trx);
    const columns = new Map<string, string[]>();
    const loaded = new Map<string, number>();
    await readArchive(file, async (name, _size, content) => {
      const table = tableOf.get(name);
      if (!table) return; // files and the manifest: below
      const buffer = await readAll(content);
      check(name, buffer);
      if (!columns.has(table)) columns.set(table, await insertableColumns(trx, table));
      const list = columns.get(table)!.map(ident).join(', ');
      const lines = buffer.toString('utf8').split('\n').filter(Boolean);
      for (let start = 0; start < lines.length; ) {
        let end = start;
        let bytes = 0;
        while (end < lines.length && end - start < BATCH_ROWS && bytes < BATCH_BYTES) bytes += lines[end++]!.length;
        await sql`insert into ${sql.raw(`public.${ident(table)}`)} (${sql.raw(list)}) overriding system value select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.raw(`public.${ident(table)}`)}, ${`[${lines.slice(start, end).join(',')}]`}::jsonb)`.execute(trx);
        start = end;
      }
      loaded.set(table, (loaded.get(table) ?? 0) + lines.length);
      result.rows += lines.length;
    });
    for (const table of manifest.tables) {
      if ((loaded.get(table.name) ?? 0) !== table.rows) throw new BackupInvalidError(`table ${table.name}: ${loaded.get(table.name) ?? 0} rows read, the manifest says ${table.rows}`);
    }
    for (const key of keys) await sql.raw(`alter table public.${ident(key.table)} add constraint ${ident(key.name)} ${key.definition}`).execute(trx);
    for (const seq of manifest.sequences) {
      await sql`select setval(${`public.${ident(seq.name)}`}::regclass, ${seq.lastValue}::bigint, ${seq.isCalled})`.execute(trx);
    }
  });

  // The files, after the rows are in: each written under a temporary name and checked, then renamed.
  await readArchive(file, async (name, _size, content) => {
    if (!name.startsWith('files/')) return;
    const target = safeTarget(dataDir, name);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.part`;
    const hash = createHash('sha256');
    let bytes = 0;
    content.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    await pipeline(content, createWriteStream(temporary, { mode: 0o600 }));
    try {
      check(name, { bytes, sha256: hash.digest('hex') });
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await rename(temporary, target);
    result.files += 1;
    result.bytes += bytes;
  });
  return result;
}
