// Live board delivery latency: 300 participants on real WebSockets, 5 notes per second in total,
// time from sending the POST to each client receiving the note. Three set-ups:
//   pglite      one instance on embedded PGlite (in-process fan-out)
//   pg-one      one instance on PostgreSQL (LISTEN/NOTIFY)
//   pg-two      two instances on one PostgreSQL database, clients and posters split between them
// Usage: npx tsx bench/server/board-latency.ts [pglite|pg-one|pg-two ...]
//   env: CLIENTS (300), RATE (5 notes/s), SECONDS (30 measured), WARMUP (5 s), RUNS (3),
//        BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LiveBoardClient } from '../../apps/server/src/test/board-live-client.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(root, 'bin', 'samhandling.js');
const CLIENTS = Number(process.env.CLIENTS ?? 300);
const RATE = Number(process.env.RATE ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 5);
const RUNS = Number(process.env.RUNS ?? 3);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Instance {
  port: number;
  child: ChildProcess;
  output: string;
}

function serve(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'true', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-12', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { port: 0, child, output: '' };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      instance.output += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(instance.output);
      if (match && !instance.port) {
        instance.port = Number(match[1]);
        // Give the credentials lines a moment to arrive with the same write.
        setTimeout(() => resolve(instance), 50);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`instance exited (${code}):\n${instance.output}`)));
  });
}

const base = (port: number) => `http://127.0.0.1:${port}`;

async function call(port: number, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base(port)}${url}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? { origin: base(port) } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, setCookie: res.headers.get('set-cookie') };
}

function quantile(sorted: number[], q: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function runOnce(setup: string) {
  const cleanups: (() => Promise<void> | void)[] = [];
  const instances: Instance[] = [];
  try {
    if (setup === 'pglite') {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'board-bench-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      instances.push(await serve({ DATA_DIR: dataDir }));
    } else {
      const name = `board_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      instances.push(await serve({ DATABASE_URL: url.href }));
      if (setup === 'pg-two') instances.push(await serve({ DATABASE_URL: url.href }));
    }
    for (const i of instances) cleanups.unshift(() => void i.child.kill('SIGTERM'));
    const credentials = /(admin@example\.org)\s+(\S+)/.exec(instances.map((i) => i.output).join('\n'));
    if (!credentials) throw new Error('no demo admin password printed');
    const first = instances[0]!.port;
    const signIn = await call(first, 'POST', '/api/auth/sign-in', { email: credentials[1], password: credentials[2] });
    const cookie = signIn.setCookie!.split(';')[0]!;
    const space = await call(first, 'POST', '/api/spaces', { name: 'Mätning', kind: 'project', visibility: 'members' }, { cookie });
    const event = await call(first, 'POST', `/api/spaces/${space.body.id}/events`, { kind: 'workshop', title: 'Stor verkstad', startsAt: '2026-05-01T09:00:00+02:00', endsAt: '2026-05-01T12:00:00+02:00' }, { cookie });
    const board = await call(first, 'POST', `/api/events/${event.body.id}/boards`, { prompts: ['Vad behövs?'] }, { cookie });
    const boardId = board.body.id as string;
    const promptId = board.body.prompts[0].id as string;

    // Participants: joined and connected through the instances in turn.
    const participants: { port: number; token: string; client: LiveBoardClient }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const port = instances[i % instances.length]!.port;
      const joined = await call(port, 'POST', '/api/boards/join', { code: board.body.code });
      participants.push({ port, token: joined.body.token, client: new LiveBoardClient(base(port), boardId, { token: joined.body.token }) });
    }
    for (let i = 0; i < participants.length; i += 50) await Promise.all(participants.slice(i, i + 50).map((p) => p.client.connect()));
    cleanups.unshift(async () => {
      await Promise.all(participants.map((p) => p.client.close()));
    });

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const postTimes: number[] = [];
    let measuring = false;
    /** Only notes sent after the warm-up are measured (a warm-up note may still arrive later). */
    const measuredSet = new Set<string>();
    const received = new Map<string, number>();
    for (const p of participants) {
      p.client.onNote = (note) => {
        const sent = sentAt.get(note.text);
        if (sent === undefined) return;
        received.set(note.text, (received.get(note.text) ?? 0) + 1);
        if (measuredSet.has(note.text)) latencies.push(performance.now() - sent);
      };
    }

    const total = Math.round((WARMUP + SECONDS) * RATE);
    const interval = 1000 / RATE;
    const started = performance.now();
    const measured: string[] = [];
    const posts: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (n === Math.round(WARMUP * RATE)) measuring = true;
      const p = participants[n % participants.length]!;
      const text = `bench-${n}-${randomBytes(3).toString('hex')}`;
      if (measuring) {
        measured.push(text);
        measuredSet.add(text);
      }
      const t0 = performance.now();
      sentAt.set(text, t0);
      posts.push(
        call(p.port, 'POST', `/api/boards/${boardId}/notes`, { promptId, text, clientKey: `bench-${n}-${randomBytes(6).toString('hex')}` }, { 'x-board-token': p.token }).then(() => {
          if (measuredSet.has(text)) postTimes.push(performance.now() - t0);
        }),
      );
    }
    await Promise.all(posts);
    // Let the last notes arrive everywhere (bounded).
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && measured.some((t) => (received.get(t) ?? 0) < CLIENTS)) await new Promise((r) => setTimeout(r, 50));
    measuring = false;
    const missing = measured.reduce((sum, t) => sum + (CLIENTS - (received.get(t) ?? 0)), 0);
    latencies.sort((a, b) => a - b);
    postTimes.sort((a, b) => a - b);
    return {
      notes: measured.length,
      deliveries: latencies.length,
      missing,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: latencies.at(-1) ?? NaN,
      postP50: quantile(postTimes, 0.5),
      postP99: quantile(postTimes, 0.99),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const setups = process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'pg-one', 'pg-two'];
console.log(`board latency: ${CLIENTS} clients, ${RATE} notes/s, ${SECONDS} s measured after ${WARMUP} s warm-up, ${RUNS} runs; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const setup of setups) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const result = await runOnce(setup);
    runs.push(result);
    console.log(
      `${setup} run ${r + 1}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms; POST p50 ${result.postP50.toFixed(1)} ms, p99 ${result.postP99.toFixed(1)} ms; ${result.notes} notes × ${CLIENTS} = ${result.deliveries} deliveries, ${result.missing} missing; load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  console.log(
    `${setup} median of ${RUNS}: delivery p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(runs.map((r) => r.p99)).toFixed(1)} ms; POST p50 ${median(runs.map((r) => r.postP50)).toFixed(1)} ms, p99 ${median(runs.map((r) => r.postP99)).toFixed(1)} ms; missing ${runs.reduce((s, r) => s + r.missing, 0)}`,
  );
}
process.exit(0);
