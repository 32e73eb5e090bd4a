import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Fan-out of small messages to everyone listening on a channel, in this process and in every
 * other app instance on the same database.
 *
 * - PGlite (one process owns the database): an in-process emitter.
 * - PostgreSQL: `pg_notify` on publish and one dedicated `LISTEN` connection per instance, so
 *   two instances behind a load balancer deliver the same messages. The instance hears its own
 *   notifications too, so there is one delivery path for all.
 *
 * A message is a hint, not the record: PostgreSQL drops notifications while the listening
 * connection is down, so subscribers keep their own sequence numbers and read what they missed
 * from the database (see `onReconnect`).
 */
export interface Realtime {
  readonly kind: 'local' | 'postgres';
  /** Sends after the caller's transaction has committed. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Listens on a channel; returns the function that stops listening. */
  subscribe(channel: string, listener: (message: unknown) => void): Promise<() => void>;
  /** Called after the listening connection was lost and re-established (PostgreSQL only). */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/** PostgreSQL's limit is 8000 bytes; larger messages are refused by the caller's own fallback. */
export const MAX_NOTIFY_BYTES = 7900;
const CHANNEL = /^[a-z0-9_]{1,63}$/;

function checkChannel(channel: string) {
  if (!CHANNEL.test(channel)) throw new Error(`invalid realtime channel: ${channel}`);
}

export function createLocalRealtime(): Realtime {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'local',
    async publish(channel, message) {
      checkChannel(channel);
      // Delivered after the publisher's own continuation, as a NOTIFY would be.
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      setImmediate(() => emitter.emit(channel, copy));
    },
    async subscribe(channel, listener) {
      checkChannel(channel);
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    onReconnect: () => () => {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export function createPostgresRealtime(databaseUrl: string, options: { retryMs?: number } = {}): Realtime {
  const retryMs = options.retryMs ?? 1000;
  const listeners = new Map<string, Set<(message: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  // Publishing shares one small pool; listening has its own connection that never runs queries.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {});
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('notification', (note) => {
        const set = listeners.get(note.channel);
        if (!set || note.payload === undefined) return;
        let message: unknown;
        try {
          message = JSON.parse(note.payload);
        } catch {
          return;
        }
        for (const fn of set) fn(message);
      });
      client.on('error', () => {
        // The connection is gone: forget it and listen again, then let subscribers catch up.
        if (listener === client) listener = undefined;
        connecting = undefined;
        client.end().catch(() => {});
        scheduleReconnect();
      });
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`listen ${channel}`);
      listener = client;
      return client;
    })().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    }));

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (closed) return;
      connect().then(
        () => {
          for (const fn of reconnectListeners) fn();
        },
        () => scheduleReconnect(),
      );
    }, retryMs);
    retryTimer.unref();
  };

  return {
    kind: 'postgres',
    async publish(channel, message) {
      checkChannel(channel);
      const payload = JSON.stringify(message);
      if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) throw new Error('realtime message too large');
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async subscribe(channel, fn) {
      checkChannel(channel);
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(fn);
      const client = await connect();
      if (first && listeners.has(channel)) await client.query(`listen ${channel}`);
      return () => {
        const current = listeners.get(channel);
        if (!current) return;
        current.delete(fn);
        if (current.size === 0) {
          listeners.delete(channel);
          listener?.query(`unlisten ${channel}`).catch(() => {});
        }
      };
    },
    onReconnect(fn) {
      reconnectListeners.add(fn);
      return () => reconnectListeners.delete(fn);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      const client = listener ?? (connecting ? await connecting.catch(() => undefined) : undefined);
      await client?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

/** PostgreSQL fan-out when the app runs on a PostgreSQL server, in-process on PGlite. */
export function createRealtime(databaseUrl: string | undefined): Realtime {
  return databaseUrl ? createPostgresRealtime(databaseUrl) : createLocalRealtime();
}
