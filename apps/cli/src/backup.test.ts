import type { ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/database.ts';
import { databaseDigest, type DatabaseDigest } from '../../server/src/test/database-digest.ts';
import { migratedDataDir } from '../../server/src/test/template.ts';
import { ProcessClient, samhandling, stopAll } from './testing/processes.ts';

/**
 * `samhandling backup` while the server runs on the embedded database, and `samhandling restore`
 * into a new directory: every row and every file comes back, checked against the original.
 */
const MONACO = fileURLToPath(new URL('../../../packages/engine/test/fixtures/monaco.osm.pbf', import.meta.url));
const PASSWORD = 'backup-test-password';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const children: ChildProcess[] = [];
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `smh-${name}-`));

/** Every file under DATA_DIR a backup must bring back, with its content. */
function filesUnder(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['uploads', 'networks']) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(dataDir, sub), { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dataDir, sub, name);
      if (statSync(file).isFile()) out[`${sub}/${name}`] = readFileSync(file).toString('base64');
    }
  }
  out['session-secret'] = readFileSync(path.join(dataDir, 'session-secret'), 'utf8');
  return out;
}

async function digestOf(dataDir: string): Promise<DatabaseDigest> {
  const handle = await openDatabase({ dataDir });
  try {
    return await databaseDigest(handle.db);
  } finally {
    await handle.close();
  }
}

let source: string;
let archive: string;
let restored: string;
let cookie: string;
let eventId: string;
let documentId: string;
let networkId: string;
let before: { digest: DatabaseDigest; files: Record<string, string> };
let backupOutput: string;

beforeAll(async () => {
  source = await migratedDataDir('backup-src');
  archive = path.join(tmp('backup-out'), 'samhandling.tar.gz');
  const seed = samhandling(['seed', '--demo', '--password', PASSWORD], { DATA_DIR: source }, children);
  expect(await seed.exit).toBe(0);
  const server = samhandling(['serve'], { DATA_DIR: source }, children);
  await server.ready;
  const admin = await new ProcessClient(server.port).signIn('admin@example.org', PASSWORD);
  cookie = admin.cookie!;
  // Data through the API: a space, an event with an uploaded document, a road network file built into a graph.
  const space = await admin.call('POST', '/api/spaces', { name: 'Säkerhetskopians arena', kind: 'project', visibility: 'members', municipalityCodes: ['2422'] });
  expect(space.status).toBe(201);
  const start = new Date(Date.now() + 86_400_000);
  const event = await admin.call('POST', `/api/spaces/${space.body.id}/events`, {
    kind: 'village_forum',
    title: 'Byastämma om säkerhetskopior',
    public: true,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    placeName: 'Bygdegården',
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventId = event.body.id;
  const document = await admin.upload(`/api/events/${eventId}/documents`, 'Protokoll.pdf', pdf, { kind: 'minutes', title: 'Protokoll' });
  expect(document.status, JSON.stringify(document.body)).toBe(201);
  documentId = document.body.id;
  const network = await admin.upload(`/api/spaces/${space.body.id}/networks/import`, 'monaco.osm.pbf', readFileSync(MONACO));
  expect(network.status, JSON.stringify(network.body)).toBe(201);
  networkId = network.body.id;
  for (let i = 0; i < 100; i++) {
    const built = (await admin.call('GET', `/api/spaces/${space.body.id}/networks`)).body.find((n: { id: string }) => n.id === networkId);
    if (built?.status === 'done') break;
    await new Promise((r) => setTimeout(r, 300));
  }
  expect(readdirSync(path.join(source, 'networks')).some((f) => f.endsWith('.graph'))).toBe(true);

  const backup = samhandling(['backup', '--out', archive], { DATA_DIR: source }, children);
  expect(await backup.exit, backup.output()).toBe(0);
  backupOutput = backup.output();
  // The server answered throughout; nothing is written after the backup, so the source as it is now is what was backed up.
  expect((await new ProcessClient(server.port).call('GET', '/api/health')).status).toBe(200); // without the session, which a request would touch
  server.child.kill('SIGTERM');
  expect(await server.exit).toBe(0);
  before = { digest: await digestOf(source), files: filesUnder(source) };

  restored = tmp('backup-dst');
  const restore = samhandling(['restore', archive], { DATA_DIR: restored }, children);
  expect(await restore.exit, restore.output()).toBe(0);
}, 400_000);

afterAll(() => stopAll(children));

describe('samhandling backup and restore (embedded database)', () => {
  it('takes the backup from the running server, with a manifest of counts and checksums', () => {
    expect(backupOutput).toMatch(/written by the running server/);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
  });

  it('brings back every row of every table and every file', async () => {
    const after = await digestOf(restored);
    expect(Object.keys(after).length).toBeGreaterThan(40);
    expect(after).toEqual(before.digest);
    expect(after.event_documents!.rows).toBe(3); // the demo's minutes and presentation, and the one uploaded here
    expect(after.library_files!.rows).toBe(4); // the demo's library material
    expect(after.initiative_documents!.rows).toBe(2);
    expect(after.road_networks!.rows).toBe(1);
    const files = filesUnder(restored);
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(12); // the documents, the library files, the network's file and graph, the session key
    expect(files).toEqual(before.files);
  });

  it('serves the restored data: the same session, the document and the built network', async () => {
    const server = samhandling(['serve'], { DATA_DIR: restored }, children);
    try {
      await server.ready;
      const client = new ProcessClient(server.port);
      client.cookie = cookie; // signed in before the backup: the session and its key came along
      expect((await client.call('GET', '/api/me')).body.user.email).toBe('admin@example.org');
      const download = await client.call('GET', `/api/events/${eventId}/documents/${documentId}`);
      expect(download.status).toBe(200);
      expect(download.raw.equals(pdf)).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exit).toBe(0);
  }, 180_000);

  it('refuses a directory that holds data, and a damaged backup, changing nothing', async () => {
    const again = samhandling(['restore', archive], { DATA_DIR: restored }, children);
    expect(await again.exit).toBe(1);
    expect(again.output()).toMatch(/not empty/);

    // One row changed inside the archive, the manifest left as it was.
    const damaged = path.join(tmp('backup-bad'), 'damaged.tar.gz');
    const extract = tar.extract();
    const pack = tar.pack();
    const done = pipeline(pack, createGzip(), createWriteStream(damaged));
    const read = pipeline(createReadStream(archive), createGunzip(), extract);
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      let content = Buffer.concat(chunks);
      if (/^db\/\d+-users\//.test(entry.header.name)) content = Buffer.from(content.toString('utf8').replace('admin@example.org', 'intrang@example.org'));
      await new Promise<void>((resolve, reject) => pack.entry({ ...entry.header, size: content.length }, content, (e) => (e ? reject(e) : resolve())));
    }
    await read;
    pack.finalize();
    await done;
    const fresh = tmp('backup-fresh');
    const refused = samhandling(['restore', damaged], { DATA_DIR: fresh }, children);
    expect(await refused.exit).toBe(1);
    expect(refused.output()).toMatch(/db\/\d+-users\/00001\.jsonl does not match its checksum/);
    expect(readdirSync(fresh).filter((f) => f !== 'session-secret')).toEqual([]);
  }, 180_000);
});
