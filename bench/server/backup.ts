// `samhandling backup` and `restore` on the embedded database, the server running: how long each
// takes, how large the file is, and how long requests wait while the server reads the rows.
// Run: node --import tsx bench/server/backup.ts   (EXTRA_ROWS=20000 by default: villages, each with
// its audit entry, on top of the demo, for a municipality's few years of data)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../apps/server/src/db/database.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'samhandling.js');
const extra = Number(process.env.EXTRA_ROWS ?? 20_000);
const env = (dataDir: string) => ({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' });

const work = mkdtempSync(path.join(tmpdir(), 'smh-bench-backup-'));
const source = path.join(work, 'source');
const archive = path.join(work, 'backup.tar.gz');
const target = path.join(work, 'restored');

spawnSync(process.execPath, [bin, 'seed', '--demo', '--password', 'bench-password-1'], { env: env(source), stdio: 'ignore' });
const handle = await openDatabase({ dataDir: source });
await sql`insert into localities (id, name, municipality_code, lon, lat, created_at, updated_at)
  select gen_random_uuid(), 'Bänkby ' || n, '2422', 17 + random(), 65 + random(), now(), now() from generate_series(1, ${extra}) n`.execute(handle.db);
await sql`insert into audit_log (at, action, resource_type, resource_id, details)
  select now(), 'locality.create', 'locality', id::text, '{}'::jsonb from localities where name like 'Bänkby %'`.execute(handle.db);
await handle.close();

const server = spawn(process.execPath, [bin, 'serve'], { env: { ...env(source), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
const port = await new Promise<number>((resolve) => {
  server.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
});

// A request every 50 ms all through the backup (not waiting for the one before): the longest wait
// is about how long the server was held by the snapshot.
let probing = true;
const latencies: number[] = [];
const pending: Promise<void>[] = [];
const probe = (async () => {
  while (probing) {
    const t = performance.now();
    pending.push(fetch(`http://127.0.0.1:${port}/api/health`).then(async (r) => void (await r.arrayBuffer(), latencies.push(performance.now() - t))));
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(pending);
})();
await new Promise((r) => setTimeout(r, 1000));
const quiet = [...latencies];
latencies.length = 0;
let t = performance.now();
// Asynchronously, so the probes go on meanwhile.
const backup = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(process.execPath, [bin, 'backup', '--out', archive], { env: env(source), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.on('exit', (status) => resolve({ status, stdout, stderr }));
});
const backupMs = performance.now() - t;
probing = false;
await probe;
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
if (backup.status !== 0) throw new Error(backup.stderr);

t = performance.now();
const restore = spawnSync(process.execPath, [bin, 'restore', archive], { env: env(target), encoding: 'utf8' });
const restoreMs = performance.now() - t;
if (restore.status !== 0) throw new Error(restore.stderr);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  JSON.stringify(
    {
      snapshotInServer: out.split('\n').filter((l) => l.includes('backup written')).map((l) => JSON.parse(l) as { rows: number; ms: number }).map(({ rows, ms }) => ({ rows, ms }))[0],
      archiveBytes: statSync(archive).size,
      backupCommandMs: Math.round(backupMs),
      backupSays: backup.stdout.trim(),
      restoreCommandMs: Math.round(restoreMs),
      restoreSays: restore.stdout.trim(),
      requestMsBefore: { median: Math.round(median(quiet)), max: Math.round(Math.max(...quiet)) },
      requestMsDuringBackup: { n: latencies.length, median: Math.round(median(latencies)), max: Math.round(Math.max(...latencies)) },
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    },
    null,
    2,
  ),
);
rmSync(work, { recursive: true, force: true });
