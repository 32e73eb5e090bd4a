import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { listenForBackups, type BackupSocket } from './db/backup/control-socket.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { analyzeDatabase, analyzeIfNeeded } from './db/maintenance.ts';
import { seedDemo, type DemoResult } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { allRoutes } from './http/routes.ts';
import { stopBetweennessWorker } from './modules/actors/network/betweenness-thread.ts';
import { ensureGeography } from './modules/geography/reference-data.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Deps } from './platform/deps.ts';
import { JobQueue } from './platform/jobs.ts';
import { Mailer } from './platform/mail.ts';
import { createRealtime } from './platform/realtime.ts';
import { registerJobHandlers } from './jobs.ts';
import { scenarioThread } from './modules/services/scenario/scenario.service.ts';
import { VERSION } from './version.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const MAIL_POLL_MS = 30_000;

export interface RunningServer {
  app: FastifyInstance;
  deps: Deps;
  url: string;
  demo: DemoResult;
  close(): Promise<void>;
}

/** Opens the database, brings it up to date and loads reference data. */
export async function prepareDatabase(config: Config, clock: Clock = systemClock) {
  const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const realtime = createRealtime(config.databaseUrl);
  // Closing the database also ends the realtime listener, for every caller of prepareDatabase.
  const handle: DatabaseHandle = {
    ...opened,
    close: async () => {
      await realtime.close();
      await opened.close();
    },
  };
  try {
    await migrateToLatest(handle.db);
    await ensureGeography(handle.db);
    // PGlite has no autovacuum: give its planner statistics now (and hourly, db/maintenance.ts).
    if (handle.kind === 'pglite') await analyzeIfNeeded(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: Deps = {
    db: handle.db,
    dbKind: handle.kind,
    config,
    clock,
    mailer: new Mailer(handle.db, clock, config.smtpUrl, config.mailFrom, { origin: config.publicUrl ?? `http://localhost:${config.port}`, secret: config.sessionSecret }),
    realtime,
    jobs: new JobQueue(handle.db),
    version: VERSION,
  };
  registerJobHandlers(deps);
  return { handle, deps };
}

/** A drain ends once no connection has come for this long (the listen backlog is empty). */
const DRAIN_QUIET_MS = 250;
/** …or, whatever a load balancer keeps sending, this long after SHUTDOWN_DRAIN_MS. */
const DRAIN_MAX_EXTRA_MS = 30_000;

/**
 * Waits at least `drainMs`, then until no new connection has arrived for DRAIN_QUIET_MS: on a busy
 * machine the burst queued in the backlog may take longer than `drainMs` to be accepted, and
 * closing the listener then would reset it.
 */
async function drain(drainMs: number, lastConnectionAt: () => number): Promise<void> {
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One turn of the event loop's poll phase, so connections waiting in the backlog are accepted first.
    await new Promise((resolve) => setImmediate(resolve));
    const now = Date.now();
    if (now - started >= drainMs && now - lastConnectionAt() >= DRAIN_QUIET_MS) return;
    if (now - started >= drainMs + DRAIN_MAX_EXTRA_MS) return;
  }
}

/** config → database → migrations → demo → listen. */
export async function startServer(
  config: Config,
  options: { clock?: Clock; logger?: boolean; webRoot?: string; handle?: DatabaseHandle } = {},
): Promise<RunningServer> {
  const { handle, deps } = await prepareDatabase(config, options.clock);
  let app: FastifyInstance | undefined;
  try {
    const demo = config.demo ? await seedDemo(deps) : { seeded: false, credentials: [] };
    if (demo.seeded && handle.kind === 'pglite') await analyzeDatabase(deps.db);
    app = await buildApp(deps, { routes: allRoutes(deps), webRoot: options.webRoot ?? WEB_ROOT, logger: options.logger ?? true });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const mailTimer = setInterval(() => void deps.mailer.deliverPending().catch(() => {}), MAIL_POLL_MS);
    mailTimer.unref();
    deps.jobs.start();
    // PGlite admits one process, so `samhandling backup` asks this one over a socket in DATA_DIR.
    let backups: BackupSocket | undefined;
    if (handle.kind === 'pglite') {
      const log = app.log;
      backups = await listenForBackups({
        db: deps.db,
        dataDir: config.dataDir,
        version: VERSION,
        onBackup: (m, ms) => log.info({ tables: m.tables.length, rows: m.tables.reduce((n, t) => n + t.rows, 0), files: m.files.length, ms }, 'backup written'),
        onError: (error) => log.error({ err: error }, 'backup failed'),
      }).catch((error: Error) => {
        log.warn({ err: error }, 'no backup socket: stop the server to back up its data directory');
        return undefined;
      });
    }
    // Recurring jobs (the daily retention job): each period's job is enqueued by one instance only.
    deps.jobs.startSchedules(deps.clock);
    let closing: Promise<void> | undefined;
    let lastConnectionAt = Date.now();
    app.server.on('connection', () => (lastConnectionAt = Date.now()));
    const running: RunningServer = {
      app,
      deps,
      demo,
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      // Drain (new requests get 503 + Retry-After while the listener stays open, so nothing queued
      // is reset), stop listening, let the requests in flight finish, then close the database.
      close: () =>
        (closing ??= (async () => {
          clearInterval(mailTimer);
          const drainMs = config.shutdownDrainMs ?? 0;
          if (drainMs > 0) {
            app!.beginDrain();
            await drain(drainMs, () => lastConnectionAt);
            // Stop listening in the same turn as the quiet check: a connection accepted while the
            // steps below wait on the event loop would have no request yet, and the close that
            // follows ends such idle connections with a reset.
            app!.server.close();
          }
          await backups?.close();
          await app!.close();
          // Jobs running here go back to the queue for another instance (or the next start).
          await deps.jobs.stop();
          await scenarioThread.stop();
          await stopBetweennessWorker();
          await handle.close();
        })()),
    };
    return running;
  } catch (error) {
    await app?.close().catch(() => {});
    await handle.close();
    throw error;
  }
}
