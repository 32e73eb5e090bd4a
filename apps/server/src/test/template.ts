import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { analyzeDatabase } from '../db/maintenance.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { PGliteDialect } from '../db/pglite-dialect.ts';
import { ensureGeography } from '../modules/geography/reference-data.ts';

/**
 * Migrate once, copy per test file. Building a database from nothing (initdb, every migration, the
 * 21 counties and 290 municipalities) costs seconds per test file; a copy of one built before costs
 * about one. On PGlite the template is a data-directory tarball on disk, keyed by a hash of what
 * goes into it, so it survives between runs and rebuilds itself when a migration or the reference
 * data changes. On PostgreSQL it is a database built once per run (vitest's global setup) that each
 * test file copies with `CREATE DATABASE … TEMPLATE`.
 */

const SERVER_SRC = fileURLToPath(new URL('../', import.meta.url));
const ROOT = path.resolve(SERVER_SRC, '../../..');
/** Everything that decides the template's content. */
const TEMPLATE_INPUTS = [
  path.join(SERVER_SRC, 'db', 'migrate.ts'),
  path.join(SERVER_SRC, 'db', 'migrations'),
  path.join(SERVER_SRC, 'modules', 'geography', 'reference-data.ts'),
  // How the template is built (the checkpoint below).
  fileURLToPath(import.meta.url),
  path.join(ROOT, 'data', 'geo'),
  path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'),
];
/** Kept between runs, so outside the run's own temporary directory (global-setup.ts). */
export const TEMPLATE_CACHE_ENV = 'SAMHANDLING_TEST_TEMPLATE_CACHE';
export const TEMPLATE_CACHE_DIR = process.env[TEMPLATE_CACHE_ENV] ?? path.join(tmpdir(), 'samhandling-test-templates');
/** Set by the global setup of a PostgreSQL run: the migrated database each test file copies. */
export const TEMPLATE_DB_ENV = 'SAMHANDLING_TEST_TEMPLATE_DB';
const STALE_MS = 24 * 60 * 60 * 1000;

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** A hash of the migrations, the reference data and the PGlite version. */
export function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of TEMPLATE_INPUTS.flatMap(filesUnder)) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Migrations and geography: what every test database starts from. */
async function prepare(db: Kysely<any>): Promise<void> {
  await migrateToLatest(db);
  await ensureGeography(db);
}

/**
 * The path of the PGlite template tarball, built if missing. Safe to call from several processes at
 * once: each writes its own temporary file and renames it into place.
 */
export async function pgliteTemplatePath(): Promise<string> {
  const file = path.join(TEMPLATE_CACHE_DIR, `pglite-${templateKey()}.tar`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now);
    return file;
  }
  mkdirSync(TEMPLATE_CACHE_DIR, { recursive: true });
  const pglite = await PGlite.create();
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  try {
    await prepare(db);
    // As a server's start-up would (db/maintenance.ts), so a copy that is served does not analyze again.
    await analyzeDatabase(db);
    // The tarball is taken from a running database, so every copy starts with crash recovery from
    // the last checkpoint: without this one that replays every migration and all the geography,
    // a third of the time each test file waits for its database (about 0.25 s of 0.75 s).
    await pglite.exec('checkpoint');
    const tarball = await pglite.dumpDataDir('none');
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await db.destroy();
  }
  pruneStaleTemplates(file);
  return file;
}

/** Templates of other migrations (older branches, other worktrees) not used for a day. */
function pruneStaleTemplates(keep: string): void {
  for (const name of readdirSync(TEMPLATE_CACHE_DIR)) {
    const file = path.join(TEMPLATE_CACHE_DIR, name);
    if (file === keep) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      /* removed meanwhile by another process */
    }
  }
}

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * The migrated template's data directory, read once per process. PGlite only asks a data directory
 * for its bytes (`arrayBuffer()`) and its type, and copies every file out of them, so each copy is
 * handed the same bytes: a real Blob would be read back through a stream and joined again for every
 * database (about a tenth of the CPU a test file's database costs).
 */
export function pgliteTemplateData(): Promise<Blob> {
  pgliteTemplate ??= pgliteTemplatePath().then((file) => {
    const bytes = readFileSync(file);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return { type: 'application/x-tar', size: data.byteLength, arrayBuffer: () => Promise.resolve(data) } as unknown as Blob;
  });
  return pgliteTemplate;
}

/**
 * A new DATA_DIR whose PGlite database is a copy of the migrated template: for tests that run the
 * real `samhandling` command where migrating from nothing is not what they test (about 2 s instead
 * of 14). The command still runs its migrations on it and finds nothing to do.
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `smh-${prefix}-`));
  const pglite = await PGlite.create(path.join(dir, 'db'), { loadDataDir: await pgliteTemplateData() });
  await pglite.close();
  return dir;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds a migrated database on the PostgreSQL server for this run and returns its name. */
export async function createPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `samhandling_template_${templateKey()}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), dataDir: '/nonexistent' });
  try {
    await prepare(handle.db);
  } finally {
    // CREATE DATABASE … TEMPLATE needs the template without connections.
    await handle.close();
  }
  return name;
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

/**
 * A new database on the PostgreSQL server: empty, or migrated — copied from the run's template when
 * there is one, else migrated from nothing (a run without the global setup, e.g. a bench script).
 */
export async function createPostgresDatabase(serverUrl: string, name: string, migrated: boolean): Promise<DatabaseHandle & { url: string }> {
  const template = migrated ? process.env[TEMPLATE_DB_ENV] : undefined;
  await onServer(serverUrl, (client) => client.query(template ? `create database ${name} template ${template}` : `create database ${name}`));
  const url = databaseUrl(serverUrl, name);
  // A test database need not wait for each commit to reach the disk (the server itself keeps running;
  // only a crash of PostgreSQL could lose the last commits): 10–20 % off the PostgreSQL pass.
  const test = new URL(url);
  test.searchParams.set('options', '-c synchronous_commit=off');
  const handle = await openDatabase({ databaseUrl: test.href, dataDir: '/nonexistent' });
  if (migrated && !template) await prepare(handle.db);
  return { ...handle, url };
}
