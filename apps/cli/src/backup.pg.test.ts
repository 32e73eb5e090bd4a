import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/database.ts';
import { databaseDigest, type DatabaseDigest } from '../../server/src/test/database-digest.ts';
import { ProcessClient, samhandling, stopAll } from './testing/processes.ts';

/**
 * `samhandling backup` on PostgreSQL while the server takes writes, restored into a new database
 * (and, from the same file, into an embedded database). Runs only in the PostgreSQL pass.
 */
const adminUrl = process.env.TEST_DATABASE_URL!;
const MONACO = fileURLToPath(new URL('../../../packages/engine/test/fixtures/monaco.osm.pbf', import.meta.url));
const PASSWORD = 'backup-test-password';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const children: ChildProcess[] = [];
const databases: string[] = [];
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `smh-${name}-`));

async function createDatabase(): Promise<string> {
  const name = `samhandling_backup_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function digestOf(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseDigest> {
  const handle = await openDatabase(options);
  try {
    return await databaseDigest(handle.db);
  } finally {
    await handle.close();
  }
}

function filesUnder(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['uploads', 'networks']) {
    for (const name of readdirSync(path.join(dataDir, sub), { recursive: true }) as string[]) {
      const file = path.join(dataDir, sub, name);
      if (statSync(file).isFile()) out[`${sub}/${name}`] = readFileSync(file).toString('base64');
    }
  }
  return out;
}

let sourceUrl: string;
let sourceDir: string;
let restoredUrl: string;
let restoredDir: string;
let archive: string;
let backupStarted: number;
const acknowledged: { id: string; at: number }[] = [];
let sourceDigest: DatabaseDigest;

beforeAll(async () => {
  sourceUrl = await createDatabase();
  sourceDir = tmp('pgbackup-src');
  archive = path.join(tmp('pgbackup-out'), 'samhandling.tar.gz');
  const env = { DATABASE_URL: sourceUrl, DATA_DIR: sourceDir };
  const seed = samhandling(['seed', '--demo', '--password', PASSWORD], env, children);
  expect(await seed.exit, seed.output()).toBe(0);
  const server = samhandling(['serve'], env, children);
  await server.ready;
  const admin = await new ProcessClient(server.port).signIn('admin@example.org', PASSWORD);
  const space = await admin.call('POST', '/api/spaces', { name: 'Regionens arena', kind: 'regional', visibility: 'members', municipalityCodes: ['2580'] });
  expect(space.status).toBe(201);
  const start = new Date(Date.now() + 86_400_000);
  const event = await admin.call('POST', `/api/spaces/${space.body.id}/events`, {
    kind: 'workshop',
    title: 'Verkstad',
    public: true,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    placeName: 'Folkets hus',
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  expect((await admin.upload(`/api/events/${event.body.id}/documents`, 'Protokoll.pdf', pdf, { kind: 'minutes' })).status).toBe(201);
  const network = await admin.upload(`/api/spaces/${space.body.id}/networks/import`, 'monaco.osm.pbf', readFileSync(MONACO));
  expect(network.status).toBe(201);
  for (let i = 0; i < 200; i++) {
    const built = (await admin.call('GET', `/api/spaces/${space.body.id}/networks`)).body.find((n: { id: string }) => n.id === network.body.id);
    if (built?.status === 'done') break;
    await new Promise((r) => setTimeout(r, 300));
  }

  // Writers keep creating villages (each with its audit entry in the same transaction) throughout the backup.
  let stop = false;
  let n = 0;
  const writer = async () => {
    while (!stop) {
      const created = await admin.call('POST', '/api/localities', { name: `Skrivby ${n++}`, municipalityCode: '2580', lon: 22.1, lat: 65.6 });
      expect(created.status).toBe(201);
      acknowledged.push({ id: created.body.id, at: Date.now() });
    }
  };
  const writers = [writer(), writer()];
  await new Promise((r) => setTimeout(r, 500));
  backupStarted = Date.now();
  const backup = samhandling(['backup', '--out', archive], env, children);
  expect(await backup.exit, backup.output()).toBe(0);
  const answered = acknowledged.length;
  while (acknowledged.length < answered + 2) await new Promise((r) => setTimeout(r, 50));
  stop = true;
  await Promise.all(writers);
  server.child.kill('SIGTERM');
  await server.exit;
  sourceDigest = await digestOf({ databaseUrl: sourceUrl, dataDir: sourceDir });

  restoredUrl = await createDatabase();
  restoredDir = tmp('pgbackup-dst');
  const restore = samhandling(['restore', archive], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir }, children);
  expect(await restore.exit, restore.output()).toBe(0);
}, 400_000);

afterAll(async () => {
  stopAll(children);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('samhandling backup and restore (PostgreSQL)', () => {
  it('is one consistent snapshot taken while writes went on', async () => {
    const handle = await openDatabase({ databaseUrl: restoredUrl, dataDir: restoredDir });
    try {
      const villages = (await sql<{ id: string }>`select id::text as id from localities where name like 'Skrivby %'`.execute(handle.db)).rows.map((r) => r.id);
      const audited = (await sql<{ id: string }>`select resource_id as id from audit_log where action = 'locality.create' and resource_id = any(${villages})`.execute(handle.db)).rows.map((r) => r.id);
      // Writes answered before the backup started are in it; later ones may be; each with its audit entry, never half.
      const before = acknowledged.filter((a) => a.at < backupStarted).map((a) => a.id);
      expect(before.length).toBeGreaterThan(0);
      expect(villages).toEqual(expect.arrayContaining(before));
      expect(villages.length).toBeLessThan(acknowledged.length);
      expect(audited.sort()).toEqual([...villages].sort());
      const allCreates = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'locality.create' and resource_id not in (select id::text from localities)`.execute(handle.db)).rows[0]!.n;
      expect(allCreates).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('brings back every row of the tables not written meanwhile, and every file', async () => {
    const restored = await digestOf({ databaseUrl: restoredUrl, dataDir: restoredDir });
    expect(Object.keys(restored).sort()).toEqual(Object.keys(sourceDigest).sort());
    const written = new Set(['localities', 'audit_log', 'sessions']);
    for (const table of Object.keys(sourceDigest)) if (!written.has(table)) expect(restored[table], table).toEqual(sourceDigest[table]);
    expect(restored.event_documents!.rows).toBe(3); // the demo's minutes and presentation, and the one uploaded here
    expect(restored.library_files!.rows).toBe(4); // the demo's library material
    expect(restored.initiative_documents!.rows).toBe(2);
    expect(restored.road_networks!.rows).toBe(1);
    expect(filesUnder(restoredDir)).toEqual(filesUnder(sourceDir));
    expect(Object.keys(filesUnder(restoredDir)).length).toBeGreaterThanOrEqual(3);
  });

  it('restores the same file into an embedded database, row for row', async () => {
    const embedded = tmp('pgbackup-pglite');
    const restore = samhandling(['restore', archive], { DATA_DIR: embedded }, children);
    expect(await restore.exit, restore.output()).toBe(0);
    expect(await digestOf({ dataDir: embedded })).toEqual(await digestOf({ databaseUrl: restoredUrl, dataDir: restoredDir }));
  }, 180_000);

  it('refuses a database that holds data', async () => {
    const again = samhandling(['restore', archive], { DATABASE_URL: restoredUrl, DATA_DIR: tmp('pgbackup-again') }, children);
    expect(await again.exit).toBe(1);
    expect(again.output()).toMatch(/not empty/);
  }, 60_000);
});
