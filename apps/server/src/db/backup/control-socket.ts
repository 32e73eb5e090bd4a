import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { writeBackup, type BackupManifest } from './archive.ts';

/**
 * Only one process may open a PGlite directory, so `samhandling backup` cannot read the embedded
 * database while the server runs. The server therefore listens on a Unix socket beside the data
 * (DATA_DIR/backup.sock, mode 0600: only the account that owns the data may connect) and writes a
 * backup to whoever asks. One request exists: the line `backup`; the answer is one JSON line
 * (`{"ok":true}`), then the archive until the connection ends.
 */
export function backupSocketPath(dataDir: string): string {
  const beside = path.join(path.resolve(dataDir), 'backup.sock');
  // A Unix socket path has room for about 100 bytes; a deep DATA_DIR gets one in the temporary directory.
  if (Buffer.byteLength(beside) <= 100) return beside;
  return path.join(tmpdir(), `samhandling-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}.sock`);
}

export interface BackupSocket {
  path: string;
  close(): Promise<void>;
}

export async function listenForBackups(options: {
  db: Kysely<any>;
  dataDir: string;
  version: string;
  onBackup?: (manifest: BackupManifest, milliseconds: number) => void;
  onError?: (error: Error) => void;
}): Promise<BackupSocket> {
  const socketPath = backupSocketPath(options.dataDir);
  // The caller holds the directory's lock, so a socket file left here is a dead process's.
  try {
    unlinkSync(socketPath);
  } catch {
    /* none */
  }
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {});
    let request = '';
    const onData = (chunk: Buffer) => {
      request += chunk.toString('utf8');
      if (!request.includes('\n')) {
        if (request.length > 100) socket.destroy();
        return;
      }
      socket.off('data', onData);
      if (request.trim() !== 'backup') {
        socket.end(JSON.stringify({ ok: false, error: 'unknown request' }) + '\n');
        return;
      }
      socket.write(JSON.stringify({ ok: true }) + '\n');
      const started = performance.now();
      writeBackup({ db: options.db, kind: 'pglite', dataDir: options.dataDir, version: options.version }, socket).then(
        (manifest) => options.onBackup?.(manifest, Math.round(performance.now() - started)),
        (error: Error) => {
          options.onError?.(error);
          socket.destroy();
        },
      );
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Created with no access for others from the first moment (umask), and kept so (chmod).
    const umask = process.umask(0o077);
    try {
      server.listen(socketPath, () => resolve());
    } finally {
      process.umask(umask);
    }
  });
  chmodSync(socketPath, 0o600);
  return {
    path: socketPath,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        unlinkSync(socketPath);
      } catch {
        /* already gone */
      }
    },
  };
}

/** No server answers on the data directory's backup socket. */
export class NoServerError extends Error {}

/** Asks the server running on `dataDir` for a backup and writes it to `output`. */
export function requestBackup(dataDir: string, output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(backupSocketPath(dataDir));
    let header = '';
    let started = false;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      socket.destroy();
      reject(error);
    };
    socket.on('connect', () => socket.write('backup\n'));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!started && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) fail(new NoServerError(`no server answers on ${backupSocketPath(dataDir)}`));
      else fail(error);
    });
    socket.on('data', (chunk: Buffer) => {
      if (started) {
        if (!output.write(chunk)) {
          socket.pause();
          output.once('drain', () => socket.resume());
        }
        return;
      }
      header += chunk.toString('latin1');
      const end = header.indexOf('\n');
      if (end < 0) return;
      let answer: { ok?: boolean; error?: string };
      try {
        answer = JSON.parse(header.slice(0, end)) as typeof answer;
      } catch {
        return fail(new Error('the server gave an unreadable answer'));
      }
      if (!answer.ok) return fail(new Error(`the server refused: ${answer.error ?? 'no reason given'}`));
      started = true;
      const rest = Buffer.from(header.slice(end + 1), 'latin1');
      if (rest.length) output.write(rest);
    });
    socket.on('end', () => {
      if (failed) return;
      if (!started) return fail(new Error('the server closed the connection without an answer'));
      output.end(() => resolve());
    });
    socket.on('close', (hadError) => {
      if (hadError && !failed) fail(new Error('the connection to the server broke off during the backup'));
    });
  });
}
