import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirectoryLock } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';
import { registerWriteWatch, WATCHED_TABLES, WriteWatch } from './write-watch.ts';

/** A Kysely over PGlite whose writes are counted for its caches (see write-watch.ts). */
function pgliteKysely(pglite: PGlite): Kysely<Database> {
  const watch = new WriteWatch(WATCHED_TABLES);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, watch) });
  registerWriteWatch(db, watch);
  return db;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The PostgreSQL server's connection string (for a dedicated LISTEN connection); none on PGlite. */
  url?: string | undefined;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Same value shapes on both drivers: counts as numbers, dates as 'YYYY-MM-DD' strings. */
const parseInt8 = (value: string) => Number(value);
const keepString = (value: string) => value;

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8 || oid === NUMERIC) return parseInt8;
          if (oid === DATE) return keepString;
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // A pool error on an idle client must not bring the process down.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', url: options.databaseUrl, close: () => db.destroy() };
  }

  mkdirSync(options.dataDir, { recursive: true });
  const dbDir = path.join(options.dataDir, 'db');
  const release = acquireDirectoryLock(path.join(options.dataDir, 'db.lock'));
  try {
    const pglite = await PGlite.create(dbDir, {
      parsers: { [INT8]: parseInt8, [NUMERIC]: parseInt8, [DATE]: keepString },
    });
    const db = pgliteKysely(pglite);
    return {
      db,
      kind: 'pglite',
      close: async () => {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A throw-away in-memory PGlite for tests: empty, or started from a data-directory tarball (a migrated template). */
export async function openMemoryDatabase(options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({
    parsers: { [INT8]: parseInt8, [NUMERIC]: parseInt8, [DATE]: keepString },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = pgliteKysely(pglite);
  return { db, kind: 'pglite', close: () => db.destroy() };
}
