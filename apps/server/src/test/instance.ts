import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../../bin/samhandling.js', import.meta.url));

/**
 * Starts `samhandling serve` as its own process on a PostgreSQL database, as a region runs several
 * instances; resolves with the port it listens on. The caller keeps the child to stop it.
 */
export function serveInstance(databaseUrl: string, children: ChildProcess[], env: Record<string, string> = {}): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'false', SESSION_SECRET: 'shared-secret-shared-secret-shared-1234', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`instance exited (${code}):\n${output}`)));
  });
}
