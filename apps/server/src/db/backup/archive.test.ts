import { createWriteStream, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGeography } from '../../modules/geography/reference-data.ts';
import { openMemoryDatabase, type DatabaseHandle } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { databaseDigest } from '../../test/database-digest.ts';
import { verifyBackup, writeBackup } from './archive.ts';
import { backupSocketPath, listenForBackups, requestBackup } from './control-socket.ts';
import { databaseProblem, restoreBackup, RestoreRefusedError } from './restore.ts';

let handle: DatabaseHandle;
let dataDir: string;

beforeAll(async () => {
  handle = await openMemoryDatabase();
  await migrateToLatest(handle.db);
  await ensureGeography(handle.db);
  dataDir = mkdtempSync(path.join(tmpdir(), 'smh-archive-'));
  mkdirSync(path.join(dataDir, 'uploads', 'events'), { recursive: true });
  writeFileSync(path.join(dataDir, 'uploads', 'events', 'a.pdf'), '%PDF-1.4 test');
  writeFileSync(path.join(dataDir, 'uploads', 'events', 'b.pdf.upload-1-2'), 'half written'); // in progress: left out
}, 60_000);

afterAll(async () => {
  await handle.close();
});

describe('writeBackup', () => {
  it('writes rows, files and a manifest that verifies; files being written are left out', async () => {
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}.tar.gz`);
    const manifest = await writeBackup({ db: handle.db, kind: 'pglite', dataDir, version: 'test' }, createWriteStream(file));
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.tables.find((t) => t.name === 'municipalities')?.rows).toBe(290);
    // Referenced tables come before the tables that refer to them.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('counties')).toBeLessThan(order.indexOf('municipalities'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(manifest.files.map((f) => f.path)).toEqual(['files/uploads/events/a.pdf']);
    expect(await verifyBackup(file)).toEqual(manifest);
  });

  it('fails cleanly when its output fails half-way, and leaves the database usable', async () => {
    let received = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(received > 16 * 1024 ? new Error('disk full') : null);
      },
    });
    await expect(writeBackup({ db: handle.db, kind: 'pglite', dataDir, version: 'test' }, failing)).rejects.toThrow();
    expect((await handle.db.selectFrom('counties').select('code').execute()).length).toBe(21);
  });
});

describe('restoreBackup', () => {
  it('restores into a database that migrate prepared (geography loaded), row for row, and then refuses it', async () => {
    await sql`insert into users (email, name) values ('kopia@example.org', 'Kopia')`.execute(handle.db);
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-restore.tar.gz`);
    const manifest = await writeBackup({ db: handle.db, kind: 'pglite', dataDir, version: 'test' }, createWriteStream(file));
    const target = await openMemoryDatabase();
    try {
      await migrateToLatest(target.db);
      await ensureGeography(target.db);
      const targetDir = mkdtempSync(path.join(tmpdir(), 'smh-archive-restored-'));
      const result = await restoreBackup({ db: target.db, dataDir: targetDir, file, manifest });
      expect(result.rows).toBe(manifest.tables.reduce((n, t) => n + t.rows, 0));
      expect(await databaseDigest(target.db)).toEqual(await databaseDigest(handle.db));
      await expect(restoreBackup({ db: target.db, dataDir: mkdtempSync(path.join(tmpdir(), 'smh-archive-again-')), file, manifest })).rejects.toThrow(
        /the database is not empty \(table \w+ has rows\)/,
      );
      // An empty database, but a DATA_DIR that already holds documents.
      const empty = await openMemoryDatabase();
      try {
        await expect(restoreBackup({ db: empty.db, dataDir: targetDir, file, manifest })).rejects.toThrow(RestoreRefusedError);
        expect((await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(empty.db)).rows[0]!.n).toBe(0);
      } finally {
        await empty.close();
      }
    } finally {
      await target.close();
    }
  }, 60_000);

  it('refuses a backup made by a newer version (a migration this one does not know)', async () => {
    const empty = await openMemoryDatabase();
    try {
      const manifest = { migrations: ['0001_foundation', '9999_from_the_future'], version: '9.0.0' } as Parameters<typeof databaseProblem>[1];
      expect(await databaseProblem(empty.db, manifest)).toMatch(/newer version of Samhandling \(9\.0\.0; migrations 9999_from_the_future/);
    } finally {
      await empty.close();
    }
  });
});

describe('the backup socket', () => {
  it('survives a client that hangs up mid-backup and serves the next one', async () => {
    const socket = await listenForBackups({ db: handle.db, dataDir, version: 'test' });
    try {
      expect(socket.path).toBe(backupSocketPath(dataDir));
      await new Promise<void>((resolve) => {
        const client = net.connect(socket.path, () => client.write('backup\n'));
        let got = 0;
        client.on('data', (chunk: Buffer) => {
          got += chunk.length;
          if (got > 8 * 1024) {
            client.destroy();
            resolve();
          }
        });
      });
      const unknown = await new Promise<string>((resolve) => {
        const client = net.connect(socket.path, () => client.write('drop tables\n'));
        let answer = '';
        client.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        client.on('end', () => resolve(answer));
      });
      expect(JSON.parse(unknown)).toEqual({ ok: false, error: 'unknown request' });
      const file = path.join(dataDir, '..', `${path.basename(dataDir)}-socket.tar.gz`);
      await requestBackup(dataDir, createWriteStream(file));
      expect((await verifyBackup(file)).tables.find((t) => t.name === 'counties')?.rows).toBe(21);
    } finally {
      await socket.close();
    }
  }, 60_000);
});
