import { loadConfig, startServer } from '@samhandling/server';
import type { Command } from '../main.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the web server (migrates the database and loads the demo into an empty one)',
  help: `Usage: samhandling serve

Starts Samhandling on PORT (default 3000). Without DATABASE_URL the data lives in an embedded
PostgreSQL (PGlite) under DATA_DIR/db; only one process may use that directory at a time.
With DEMO=true (the default) an empty database gets the demo content and the sign-in is printed once.
Stops cleanly on SIGTERM or SIGINT: in-flight requests are answered, then the database is closed.`,
  async run(args) {
    if (args.length) throw Object.assign(new Error(`unexpected argument "${args[0]}"`), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    // Listen for the stop signal before anything else, so a signal during start-up or right
    // after the "running" line is never missed (the default action would kill the process).
    let stopSignal: string | undefined;
    let onStop: ((signal: string) => void) | undefined;
    const stopped = new Promise<string>((resolve) => (onStop = resolve));
    const handle = (signal: string) => {
      stopSignal ??= signal;
      onStop?.(signal);
    };
    process.once('SIGTERM', () => handle('SIGTERM'));
    process.once('SIGINT', () => handle('SIGINT'));

    const config = loadConfig();
    const server = await startServer(config);
    const log = server.app.log;
    if (server.demo.seeded) {
      const lines = server.demo.credentials.map((c) => `  ${c.email.padEnd(28)} ${c.password}${c.isAdmin ? '   (platform admin)' : ''}`);
      // Printed once, on the first start: the demo accounts are not in any file.
      console.log(
        `\nSamhandling is running at ${server.url}\nDemo content loaded. Sign in with one of these demo accounts (all fictional):\n${lines.join('\n')}\n`,
      );
    } else {
      console.log(`\nSamhandling is running at ${server.url}\n`);
    }
    const signal = stopSignal ?? (await stopped);
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await server.close();
    } catch (error) {
      log.error({ err: error }, 'error while shutting down');
      return 1;
    }
    return 0;
  },
};
