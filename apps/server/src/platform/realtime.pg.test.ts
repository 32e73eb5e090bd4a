import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresRealtime, type Realtime } from './realtime.ts';

/** The PostgreSQL fan-out on a real server (PostgreSQL pass only). */
const url = process.env.TEST_DATABASE_URL!;
const opened: Realtime[] = [];
afterAll(() => Promise.all(opened.map((r) => r.close())));

function next(realtime: Realtime, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    void realtime.subscribe(channel, (message) => resolve(message)).then((stop) => setTimeout(stop, 30_000).unref());
  });
}

describe('PostgreSQL realtime', () => {
  it('delivers a message published by one instance to the other', async () => {
    const one = createPostgresRealtime(url);
    const two = createPostgresRealtime(url);
    opened.push(one, two);
    const received: unknown[] = [];
    await two.subscribe('realtime_test_a', (m) => received.push(m));
    await one.publish('realtime_test_a', { hello: 'från instans ett' });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => received.length && (clearInterval(timer), resolve()), 10);
    });
    expect(received).toEqual([{ hello: 'från instans ett' }]);
  });

  it('listens again after its connection is cut, and says so, so subscribers can catch up', async () => {
    const realtime = createPostgresRealtime(url, { retryMs: 50 });
    opened.push(realtime);
    await realtime.subscribe('realtime_test_b', () => {});
    const reconnected = new Promise<void>((resolve) => realtime.onReconnect(resolve));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen realtime_test_b' and pid <> pg_backend_pid()`);
    await admin.end();
    await reconnected;
    const message = next(realtime, 'realtime_test_b');
    await realtime.publish('realtime_test_b', { after: 'reconnect' });
    expect(await message).toEqual({ after: 'reconnect' });
  });

  it('refuses a channel name that is not a plain identifier', async () => {
    const realtime = createPostgresRealtime(url);
    opened.push(realtime);
    await expect(realtime.publish('bad; drop table users', {})).rejects.toThrow(/invalid realtime channel/);
  });
});
