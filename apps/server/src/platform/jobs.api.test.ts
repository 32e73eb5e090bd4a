import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { JobQueue, type JobContext } from './jobs.ts';

/** The queue on the test database (PGlite, or PostgreSQL in the second pass), with two "instances". */
let t: TestApp;
const queues: JobQueue[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await t.close();
});

function queue(): JobQueue {
  const q = new JobQueue(t.deps.db, { pollMs: 50 });
  queues.push(q);
  return q;
}

const enqueue = (q: JobQueue, kind: string, payload: Record<string, unknown> = {}) => q.enqueue(t.deps.db, kind, payload);

describe('job queue', () => {
  it('runs each job once across two instances, reporting progress and keeping the result', async () => {
    const a = queue();
    const b = queue();
    const ranBy: Record<string, string[]> = {};
    const handler = (name: string) => async (job: JobContext) => {
      await job.progress('counting', 50);
      (ranBy[String(job.payload.n)] ??= []).push(name);
      return { doubled: Number(job.payload.n) * 2 };
    };
    a.register('test.double', handler('a'));
    b.register('test.double', handler('b'));
    const ids = [];
    for (let n = 0; n < 12; n++) ids.push(await enqueue(a, 'test.double', { n }));
    a.start();
    b.start();
    await Promise.all([a.idle(), b.idle()]);
    for (const [n, id] of ids.entries()) {
      const job = await a.get(id);
      expect(job).toMatchObject({ status: 'done', percent: 100, result: { doubled: n * 2 } });
      expect(ranBy[String(n)]).toHaveLength(1);
    }
    await a.stop();
    await b.stop();
  });

  it('cancels a queued job at once and a running one through its signal, on whichever instance runs it', async () => {
    const runner = queue();
    const other = queue();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    runner.register('test.wait', async (job) => {
      await job.progress('waiting', 10);
      started();
      await new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
    });
    const id = await enqueue(runner, 'test.wait');
    runner.start();
    await running;
    expect((await runner.get(id))?.status).toBe('running');
    // The cancel request is made on another instance: the runner sees it in its heartbeat.
    await other.cancel(id);
    await runner.idle();
    expect((await runner.get(id))?.status).toBe('cancelled');

    const queued = await enqueue(other, 'test.never');
    await other.cancel(queued);
    expect((await other.get(queued))?.status).toBe('cancelled');
    await runner.stop();
  });

  it('records a failure with its message and goes on with the next job', async () => {
    const q = queue();
    q.register('test.fail', async (job) => {
      if (job.payload.fail) throw new Error('the file was unreadable');
      return { ok: true };
    });
    const bad = await enqueue(q, 'test.fail', { fail: true });
    const good = await enqueue(q, 'test.fail', { fail: false });
    q.start();
    await q.idle();
    expect(await q.get(bad)).toMatchObject({ status: 'failed', error: 'the file was unreadable' });
    expect(await q.get(good)).toMatchObject({ status: 'done', result: { ok: true } });
    await q.stop();
  });

  it('puts a job back in the queue when its instance stops, and another finishes it', async () => {
    const first = queue();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    first.register('test.long', async (job) => {
      started();
      await new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
    });
    const id = await enqueue(first, 'test.long');
    first.start();
    await running;
    await first.stop();
    expect((await first.get(id))?.status).toBe('queued');
    const second = queue();
    second.register('test.long', async () => ({ finished: true }));
    second.start();
    await second.idle();
    expect(await second.get(id)).toMatchObject({ status: 'done', result: { finished: true } });
    await second.stop();
  });
});
