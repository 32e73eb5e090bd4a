import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInstance } from '../../server/src/test/instance.ts';

/**
 * Two app instances on one PostgreSQL database, as a region runs it behind a load balancer.
 * Runs only in the PostgreSQL pass (TEST_DATABASE_URL), never on PGlite.
 */
const adminUrl = process.env.TEST_DATABASE_URL!;
const name = `samhandling_multi_${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];
const ports: number[] = [];


async function call(port: number, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { origin: `http://127.0.0.1:${port}` } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, setCookie: res.headers.get('set-cookie') };
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Both start at once on an empty database: migrations and the demo must happen exactly once.
  ports.push(...(await Promise.all([serveInstance(url.href, children, { DEMO: 'true' }), serveInstance(url.href, children, { DEMO: 'true' })])));
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('two instances on one PostgreSQL database', () => {
  it('migrated and seeded the demo once', async () => {
    const [a, b] = ports as [number, number];
    const names = ((await call(a, 'GET', '/api/spaces')).body as { name: string }[]).map((s) => s.name).sort();
    // Seeded once: each demo space once (the four projects and the model-use spaces), the same on both.
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Agenda 2030 – med civilsamhället som motor', 'SÖK Samverkan Norrbotten', 'Service i samverkan', 'TALKO Lappland']));
    expect(((await call(b, 'GET', '/api/spaces')).body as { name: string }[]).map((s) => s.name).sort()).toEqual(names);
    expect((await call(a, 'GET', '/api/health')).body.database).toBe('postgres');
  });

  it('shares sessions: signed in on one, recognised and signed out on the other', async () => {
    const [a, b] = ports as [number, number];
    const admin = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${name}`) });
    await admin.connect();
    // The demo password is printed, not stored; give the demo admin a known one for the test.
    const { hashPassword } = await import('../../server/src/modules/accounts/auth/password.ts');
    await admin.query(`update users set password_hash = $1 where email = 'admin@example.org'`, [await hashPassword('multi-instance-pass')]);
    await admin.end();
    const signIn = await call(a, 'POST', '/api/auth/sign-in', { email: 'admin@example.org', password: 'multi-instance-pass' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.setCookie!.split(';')[0]!;
    expect((await call(b, 'GET', '/api/me', undefined, cookie)).body.user.email).toBe('admin@example.org');
    const created = await call(b, 'POST', '/api/spaces', { name: 'Regional arena', kind: 'regional', visibility: 'members', municipalityCodes: ['2580'] }, cookie);
    expect(created.status).toBe(201);
    expect((await call(a, 'GET', `/api/spaces/${created.body.id}`, undefined, cookie)).status).toBe(200);
    expect((await call(b, 'POST', '/api/auth/sign-out', {}, cookie)).status).toBe(204);
    expect((await call(a, 'GET', '/api/me', undefined, cookie)).body.user).toBeNull();
  });

  it('counts sign-in failures across instances', async () => {
    const [a, b] = ports as [number, number];
    // One address may fail 5 times for one account in 10 minutes (sign-in-throttle.ts), on any instance.
    for (let i = 0; i < 5; i++) {
      const port = i % 2 === 0 ? a : b;
      expect((await call(port, 'POST', '/api/auth/sign-in', { email: 'region@example.org', password: `wrong-${i}` })).status).toBe(401);
    }
    expect((await call(a, 'POST', '/api/auth/sign-in', { email: 'region@example.org', password: 'whatever' })).status).toBe(429);
    expect((await call(b, 'POST', '/api/auth/sign-in', { email: 'region@example.org', password: 'whatever' })).status).toBe(429);
  });
});
