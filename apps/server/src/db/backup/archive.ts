import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import tar from 'tar-stream';
import type { DatabaseKind } from '../database.ts';
import { ident, sequenceStates, tablesInDependencyOrder, type SequenceState } from './catalog.ts';

/**
 * A backup is one gzip-compressed tar file anyone can open with `tar xzf`:
 *   db/NNN-table/NNNNN.jsonl   every row of every table, one JSON object a line (to_jsonb), in
 *                              dependency order, read in one REPEATABLE READ snapshot
 *   files/uploads/…, files/networks/…, files/session-secret   the files under DATA_DIR
 *   manifest.json              version, migration level, row counts, sizes and SHA-256 of every entry (last)
 * The rows are plain JSON, so a backup from PGlite restores into PostgreSQL and the other way round.
 */
export const BACKUP_FORMAT = 'samhandling-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

/** Rows are written in parts of about this size, so neither side holds a whole table in memory. */
const PART_BYTES = 8 * 1024 * 1024;
const FETCH_ROWS = 1000;

/** Directories under DATA_DIR that hold data the database refers to, and the session key file. */
export const DATA_DIRECTORIES = ['uploads', 'networks'] as const;
export const SESSION_SECRET_FILE = 'session-secret';
/** Files being written (renamed into place when complete) are left out. */
const IN_PROGRESS = /\.(part|tmp-\d+|upload-\d+-\d+)$/;

export interface EntryInfo {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The Samhandling version that wrote the backup. */
  version: string;
  createdAt: string;
  database: DatabaseKind;
  /** The schema's migration level: every migration applied, in order. */
  migrations: string[];
  tables: { name: string; rows: number; parts: (EntryInfo & { rows: number })[] }[];
  sequences: SequenceState[];
  files: EntryInfo[];
}

function sha256(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

function addBuffer(pack: tar.Pack, name: string, content: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = pack.entry({ name, size: content.length, mode: 0o600, mtime }, content, (error) => (error ? reject(error) : resolve()));
    // When the output fails (a full disk, a reader that hung up) the entry fails too; the callback reports it.
    entry.on('error', () => {});
  });
}

async function addFile(pack: tar.Pack, name: string, file: string, size: number, mtime: Date): Promise<string> {
  const hash = createHash('sha256');
  const source = createReadStream(file);
  source.on('data', (chunk) => hash.update(chunk as Buffer));
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o600, mtime }, (error) => (error ? reject(error) : resolve()));
    entry.on('error', () => {});
    source.on('error', (error) => entry.destroy(error));
    source.pipe(entry as unknown as Writable);
  });
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !IN_PROGRESS.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The files under DATA_DIR a backup holds, as [name in the archive, path on disk]. */
export async function dataFiles(dataDir: string): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const sub of DATA_DIRECTORIES) {
    for (const file of await listFiles(path.join(dataDir, sub))) files.push([`files/${path.relative(dataDir, file).split(path.sep).join('/')}`, file]);
  }
  return files;
}

/**
 * Writes a backup of the database and of DATA_DIR's files to `output`. The rows come from one
 * read-only REPEATABLE READ transaction, so they are consistent with each other whatever is written
 * meanwhile (on PostgreSQL other connections go on writing; on PGlite, a single connection, other
 * requests wait until the rows are read). Files are copied after the rows: a file stored after the
 * snapshot may be in the backup without its row (harmless), never the other way round unless it was
 * deleted in between.
 */
export async function writeBackup(
  options: { db: Kysely<any>; kind: DatabaseKind; dataDir: string; version: string; now?: Date },
  output: Writable,
): Promise<BackupManifest> {
  const now = options.now ?? new Date();
  const pack = tar.pack();
  const written = pipeline(pack as unknown as Readable, createGzip({ level: 6 }), output);
  written.catch(() => {});
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    version: options.version,
    createdAt: now.toISOString(),
    database: options.kind,
    migrations: [],
    tables: [],
    sequences: [],
    files: [],
  };
  try {
    await options.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const schema = await sql<{ found: string | null }>`select to_regclass('public.schema_migrations')::text as found`.execute(trx);
        if (!schema.rows[0]?.found) throw new BackupInvalidError('the database holds no Samhandling data (it has never been migrated)');
        manifest.migrations = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(trx)).rows.map((r) => r.name);
        const tables = await tablesInDependencyOrder(trx);
        for (const [index, table] of tables.entries()) {
          const dir = `db/${String(index + 1).padStart(3, '0')}-${table}`;
          const entry: BackupManifest['tables'][number] = { name: table, rows: 0, parts: [] };
          manifest.tables.push(entry);
          let lines: string[] = [];
          let bytes = 0;
          const flush = async () => {
            if (!lines.length) return;
            const content = Buffer.from(lines.join('\n') + '\n');
            const name = `${dir}/${String(entry.parts.length + 1).padStart(5, '0')}.jsonl`;
            await addBuffer(pack, name, content, now);
            entry.parts.push({ path: name, rows: lines.length, bytes: content.length, sha256: sha256(content) });
            lines = [];
            bytes = 0;
          };
          await sql`declare backup_rows no scroll cursor for select to_jsonb(t)::text as j from ${sql.raw(`public.${ident(table)}`)} t`.execute(trx);
          for (;;) {
            const { rows } = await sql<{ j: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from backup_rows`.execute(trx);
            for (const { j } of rows) {
              lines.push(j);
              bytes += Buffer.byteLength(j) + 1;
              entry.rows += 1;
              if (bytes >= PART_BYTES) await flush();
            }
            if (rows.length < FETCH_ROWS) break;
          }
          await sql`close backup_rows`.execute(trx);
          await flush();
        }
        manifest.sequences = await sequenceStates(trx);
      });
    for (const [name, file] of await dataFiles(options.dataDir)) {
      let info;
      try {
        info = await stat(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted since it was listed
        throw error;
      }
      const digest = await addFile(pack, name, file, info.size, info.mtime);
      manifest.files.push({ path: name, bytes: info.size, sha256: digest });
    }
    const secretFile = path.join(options.dataDir, SESSION_SECRET_FILE);
    const secret = await stat(secretFile).catch(() => undefined);
    if (secret?.isFile()) {
      const name = `files/${SESSION_SECRET_FILE}`;
      manifest.files.push({ path: name, bytes: secret.size, sha256: await addFile(pack, name, secretFile, secret.size, secret.mtime) });
    }
    await addBuffer(pack, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), now);
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
  await written;
  return manifest;
}

export class BackupInvalidError extends Error {}

/** Reads every entry of a backup in archive order; `onEntry` gets each entry's content (whole for rows, streamed for files). */
export async function readArchive(
  file: string,
  onEntry: (name: string, size: number, content: Readable) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  const source = createReadStream(file);
  const unzip = createGunzip();
  source.on('error', (error) => extract.destroy(error));
  unzip.on('error', (error) => extract.destroy(new BackupInvalidError(`not a readable backup (${error.message})`)));
  source.pipe(unzip).pipe(extract as unknown as Writable);
  for await (const entry of extract) {
    const stream = entry as unknown as Readable;
    if (entry.header.type !== 'file') {
      stream.resume();
      continue;
    }
    await onEntry(entry.header.name, entry.header.size ?? 0, stream);
    stream.resume(); // whatever the handler left unread
  }
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function checkManifest(value: unknown): BackupManifest {
  const m = value as Partial<BackupManifest> | null;
  if (!m || m.format !== BACKUP_FORMAT) throw new BackupInvalidError('not a Samhandling backup (manifest.json missing or of another kind)');
  if (m.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupInvalidError(`backup format ${String(m.formatVersion)} is not known to this version (it reads format ${BACKUP_FORMAT_VERSION})`);
  if (!Array.isArray(m.migrations) || !Array.isArray(m.tables) || !Array.isArray(m.files) || !Array.isArray(m.sequences)) throw new BackupInvalidError('manifest.json is incomplete');
  return m as BackupManifest;
}

/** Every entry the manifest lists, with its expected size and checksum. */
export function expectedEntries(manifest: BackupManifest): Map<string, EntryInfo> {
  const entries = new Map<string, EntryInfo>();
  for (const table of manifest.tables) for (const part of table.parts) entries.set(part.path, part);
  for (const file of manifest.files) entries.set(file.path, file);
  return entries;
}

/**
 * Reads the whole archive and checks it against its manifest: every entry present, none extra,
 * each with the size and SHA-256 the manifest gives. Throws BackupInvalidError naming the first fault.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const seen = new Map<string, EntryInfo>();
  let manifest: BackupManifest | undefined;
  try {
    await readArchive(file, async (name, _size, content) => {
      if (name === MANIFEST) {
        try {
          manifest = checkManifest(JSON.parse((await readAll(content)).toString('utf8')));
        } catch (error) {
          throw error instanceof BackupInvalidError ? error : new BackupInvalidError('manifest.json is not valid JSON');
        }
        return;
      }
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of content) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      seen.set(name, { path: name, bytes, sha256: hash.digest('hex') });
    });
  } catch (error) {
    if (error instanceof BackupInvalidError) throw error;
    throw new BackupInvalidError(`not a readable backup (${(error as Error).message})`);
  }
  if (!manifest) throw new BackupInvalidError('not a Samhandling backup (manifest.json missing)');
  const expected = expectedEntries(manifest);
  for (const [name, info] of expected) {
    const found = seen.get(name);
    if (!found) throw new BackupInvalidError(`${name} is missing from the backup`);
    if (found.bytes !== info.bytes || found.sha256 !== info.sha256) throw new BackupInvalidError(`${name} does not match its checksum in manifest.json: the backup is damaged`);
  }
  for (const name of seen.keys()) if (!expected.has(name)) throw new BackupInvalidError(`${name} is in the backup but not in manifest.json`);
  return manifest;
}
