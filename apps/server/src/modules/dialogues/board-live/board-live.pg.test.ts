import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/auth/password.ts';
import { LiveBoardClient } from '../../../test/board-live-client.ts';
import { serveInstance } from '../../../test/instance.ts';

/**
 * Two app instances (separate processes) on one PostgreSQL database: a note posted on one reaches
 * WebSocket clients of the other through LISTEN/NOTIFY. Runs only in the PostgreSQL pass.
 */
const adminUrl = process.env.TEST_DATABASE_URL!;
const name = `samhandling_board_${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];
const ports: number[] = [];
const clients: LiveBoardClient[] = [];
let databaseUrl: string;


const base = (port: number) => `http://127.0.0.1:${port}`;

async function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base(port)}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? { origin: base(port) } : {}), ...headers },
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
  databaseUrl = url.href;
  ports.push(...(await Promise.all([serveInstance(databaseUrl, children), serveInstance(databaseUrl, children)])));
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('a board on two instances', () => {
  it('delivers a note posted on one instance to clients of both, and catches up a client that reconnects on the other', async () => {
    const [a, b] = ports as [number, number];
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`insert into users (email, name, password_hash, is_admin) values ('ledare@example.org', 'Processledare', $1, false)`, [await hashPassword('board-multi-pass')]);
    await db.end();
    const signIn = await call(a, 'POST', '/api/auth/sign-in', { email: 'ledare@example.org', password: 'board-multi-pass' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.setCookie!.split(';')[0]!;
    const space = await call(a, 'POST', '/api/spaces', { name: 'Byaforum', kind: 'municipal', visibility: 'members', municipalityCodes: ['2422'] }, { cookie });
    const event = await call(a, 'POST', `/api/spaces/${space.body.id}/events`, { kind: 'workshop', title: 'Framtidsverkstad', startsAt: '2026-03-10T17:00:00+01:00', endsAt: '2026-03-10T20:00:00+01:00' }, { cookie });
    expect(event.status).toBe(201);
    const board = await call(a, 'POST', `/api/events/${event.body.id}/boards`, { prompts: ['Vad behövs?'] }, { cookie });
    expect(board.status).toBe(201);
    const boardId = board.body.id as string;
    const promptId = board.body.prompts[0].id as string;

    // One participant joins on each instance; the facilitator watches from instance B.
    const anna = (await call(a, 'POST', '/api/boards/join', { code: board.body.code })).body;
    const bo = (await call(b, 'POST', '/api/boards/join', { code: board.body.code })).body;
    const annaLive = new LiveBoardClient(base(a), boardId, { token: anna.token });
    const boLive = new LiveBoardClient(base(b), boardId, { token: bo.token });
    const leadLive = new LiveBoardClient(base(b), boardId, { cookie });
    clients.push(annaLive, boLive, leadLive);
    await Promise.all([annaLive.connect(), boLive.connect(), leadLive.connect()]);

    const onA = await call(a, 'POST', `/api/boards/${boardId}/notes`, { promptId, text: 'Postad på instans A', clientKey: 'note-on-a-0001' }, { 'x-board-token': anna.token });
    expect(onA.status).toBe(201);
    await Promise.all([boLive.until(() => boLive.notes.has(onA.body.id)), leadLive.until(() => leadLive.notes.has(onA.body.id)), annaLive.until(() => annaLive.notes.has(onA.body.id))]);
    const onB = await call(b, 'POST', `/api/boards/${boardId}/notes`, { promptId, text: 'Postad på instans B', clientKey: 'note-on-b-0001' }, { 'x-board-token': bo.token });
    await annaLive.until(() => annaLive.notes.has(onB.body.id));

    // Bo's phone loses its connection; notes keep coming on instance A; Bo comes back on B.
    await boLive.close();
    const missed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(a, 'POST', `/api/boards/${boardId}/notes`, { promptId, text: `Medan Bo var borta ${i}`, clientKey: `missed-note-${i}-xyz` }, { 'x-board-token': anna.token });
      missed.push(r.body.id);
    }
    await boLive.connect();
    for (const id of missed) expect(boLive.notes.has(id)).toBe(true);
    await annaLive.until(() => missed.every((id) => annaLive.notes.has(id)));
    expect(boLive.lastSeq).toBe(annaLive.lastSeq);

    // Votes travel the same way.
    await call(a, 'PATCH', `/api/boards/${boardId}`, { voting: 'open' }, { cookie });
    expect((await call(b, 'PUT', `/api/boards/${boardId}/votes/${onA.body.id}`, { dots: 2 }, { 'x-board-token': bo.token })).status).toBe(200);
    await annaLive.until(() => annaLive.votes.get(onA.body.id) === 2);
  });
});
