import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migratedDataDir } from '../../server/src/test/template.ts';

const BIN = fileURLToPath(new URL('../../../bin/samhandling.js', import.meta.url));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs the real `samhandling` command as a user would. */
function run(args: string[], env: Record<string, string>): Started & { ready: Promise<void> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  let port = 0;
  const started = {} as Started & { ready: Promise<void> };
  started.ready = new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match && !port) {
        port = Number(match[1]);
        started.port = port;
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`exited before ready:\n${output}`)));
  });
  started.ready.catch(() => {});
  started.child = child;
  started.output = () => output;
  started.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return started;
}

function get(port: number, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` } : {} },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('samhandling serve', () => {
  it('starts on a fresh directory with the demo and prints the admin sign-in once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smh-serve-'));
    const first = run(['serve'], { DATA_DIR: dir });
    await first.ready;
    expect(first.output()).toMatch(/admin@example\.org\s+\S{8,}\s+\(platform admin\)/);
    const password = /admin@example\.org\s+(\S+)/.exec(first.output())![1]!;
    const health = await get(first.port, '/api/health');
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: 'pglite' });
    const signIn = await get(first.port, '/api/auth/sign-in', JSON.stringify({ email: 'admin@example.org', password }));
    expect(signIn.status).toBe(200);
    const spaces = JSON.parse((await get(first.port, '/api/spaces')).body) as { name: string; municipalityCodes: string[] }[];
    // The four projects (and the spaces where the demo's collaboration models are in use).
    expect(spaces.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Agenda 2030 – med civilsamhället som motor', 'SÖK Samverkan Norrbotten', 'Service i samverkan', 'TALKO Lappland']),
    );
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')! as { id?: string; municipalityCodes: string[] };
    expect(talko.municipalityCodes).toHaveLength(8);
    // The real organisations of the projects, with example collaborations between them.
    const network = JSON.parse((await get(first.port, `/api/spaces/${talko.id}/network`)).body) as { nodes: { name: string }[]; edges: { exampleData: boolean }[] };
    expect(network.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Sorsele kommun', 'Åsele kommun', 'Coompanion']));
    expect(network.edges.length).toBeGreaterThan(0);
    // The recorded example collaborations are marked as such (ties derived from shared events are not examples).
    expect(network.edges.some((e) => e.exampleData)).toBe(true);
    // Metrics start a worker thread; it must not keep the server from stopping below.
    expect((await get(first.port, `/api/spaces/${talko.id}/network/metrics`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    const second = run(['serve'], { DATA_DIR: dir });
    await second.ready;
    expect(second.output()).not.toContain('admin@example.org');
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  }, 180_000);

  it('refuses a second process on the same PGlite directory, and takes over a stale lock', async () => {
    const dir = await migratedDataDir('lock');
    const first = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    await first.ready;
    const second = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    const code = await second.exit;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`in use by another Samhandling process (pid ${first.child.pid})`);
    expect((await get(first.port, '/api/health')).status).toBe(200);
    first.child.kill('SIGKILL'); // dies without releasing its lock
    await first.exit;
    writeFileSync(path.join(dir, 'db.lock'), '999999\n'); // and a pid that no longer runs
    const third = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    await third.ready;
    expect((await get(third.port, '/api/health')).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
  }, 180_000);

  it('answers requests in flight when stopped with SIGTERM', async () => {
    const dir = await migratedDataDir('term');
    const server = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    await server.ready;
    // Requests whose bodies are still arriving when the signal comes: truly in flight.
    const inFlight = Array.from({ length: 5 }, (_, i) => {
      const body = JSON.stringify({ email: `someone${i}@example.org`, password: 'wrong-password' });
      return new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/auth/sign-in',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: `http://127.0.0.1:${server.port}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => req.end(body.slice(10)), 1500);
      });
    });
    // The server reads sockets in the order data arrives: once a later request is answered, the
    // five have been received (not merely sent), however busy the machine is.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get(server.port, '/api/health')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(5).fill(401));
    expect(await server.exit).toBe(0);
  }, 180_000);

  it('keeps every acknowledged write when the process is killed without warning', async () => {
    const dir = await migratedDataDir('kill');
    const admin = run(['users', 'create', '--email', 'admin@example.org', '--password', 'kill-test-password', '--admin'], { DATA_DIR: dir });
    expect(await admin.exit).toBe(0);
    const server = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    await server.ready;
    const signIn = await fetch(`http://127.0.0.1:${server.port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` },
      body: JSON.stringify({ email: 'admin@example.org', password: 'kill-test-password' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const names = Array.from({ length: 5 }, (_, i) => `Kvittad ort ${i}`);
    for (const name of names) {
      const created = await fetch(`http://127.0.0.1:${server.port}/api/localities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, cookie },
        body: JSON.stringify({ name, municipalityCode: '2422', lon: 17.5, lat: 65.5 }),
      });
      expect(created.status).toBe(201);
    }
    server.child.kill('SIGKILL');
    await server.exit;
    const restarted = run(['serve'], { DATA_DIR: dir, DEMO: 'false' });
    await restarted.ready;
    const list = (await (await fetch(`http://127.0.0.1:${restarted.port}/api/localities?q=Kvittad`)).json()) as { name: string }[];
    expect(list.map((l) => l.name).sort()).toEqual(names);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exit).toBe(0);
  }, 180_000);

  it('stops with one clear line per configuration problem', async () => {
    const bad = run(['serve'], { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smh-bad-')), PORT: 'abc', DATABASE_URL: 'mysql://nope', DEMO: 'kanske' });
    expect(await bad.exit).toBe(2);
    const lines = bad.output().trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0]).sort()).toEqual(['DATABASE_URL', 'DEMO', 'PORT']);
  }, 30_000);
});

describe('samhandling CLI', () => {
  it('prints help for every command', async () => {
    // The command itself once: the overview names every command.
    const overview = run(['--help'], {});
    expect(await overview.exit).toBe(0);
    const commands = ['serve', 'migrate', 'seed', 'users', 'backup', 'restore'];
    for (const command of commands) expect(overview.output()).toMatch(new RegExp(`^  ${command} `, 'm'));
    // Each command's own help through the same entry point, in this process (a process per command
    // would only start the same program six more times).
    const { main } = await import('./main.ts');
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    try {
      for (const command of commands) {
        printed.length = 0;
        expect(await main([command, '--help'])).toBe(0);
        expect(printed.join('\n')).toContain(`samhandling ${command}`);
      }
    } finally {
      log.mockRestore();
    }
  }, 120_000);

  it('migrates, seeds the demo with a chosen password and creates an admin', async () => {
    // Migrating a fresh directory is what the first start above does (the same prepareDatabase);
    // here `migrate` meets a migrated copy and has only the check left, so the test spends its time
    // on the commands it is about.
    const dir = await migratedDataDir('cli');
    const migrate = run(['migrate'], { DATA_DIR: dir });
    expect(await migrate.exit).toBe(0);
    expect(migrate.output()).toContain('Database is up to date.');
    const seed = run(['seed', '--demo', '--password', 'demo-password-123'], { DATA_DIR: dir });
    expect(await seed.exit).toBe(0);
    expect(seed.output()).toContain('admin@example.org');
    const user = run(['users', 'create', '--email', 'Kommunadmin@Example.org', '--password', 'ett-langt-losenord', '--admin', '--name', 'Kommunens admin'], { DATA_DIR: dir });
    expect(await user.exit).toBe(0);
    expect(user.output()).toContain('Created admin user kommunadmin@example.org');
    const again = run(['users', 'create', '--email', 'kommunadmin@example.org', '--password', 'ett-langt-losenord'], { DATA_DIR: dir });
    expect(await again.exit).toBe(1);
    const weak = run(['users', 'create', '--email', 'x@example.org', '--password', 'short'], { DATA_DIR: dir });
    expect(await weak.exit).toBe(2);
    expect(weak.output()).toContain('--password');
    const server = run(['serve'], { DATA_DIR: dir });
    await server.ready;
    expect((await get(server.port, '/api/auth/sign-in', JSON.stringify({ email: 'kommunadmin@example.org', password: 'ett-langt-losenord' }))).status).toBe(200);
    expect((await get(server.port, '/api/auth/sign-in', JSON.stringify({ email: 'byalag@example.org', password: 'demo-password-123' }))).status).toBe(200);
    server.child.kill('SIGTERM');
    await server.exit;
  }, 240_000);
});
