import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker thread runs. The engine is TypeScript run through tsx, and a thread that
 * registers tsx spends about 170 ms of CPU on the loader before its first job. So the worker and the
 * routing code it imports are bundled once into one plain-JS file with esbuild (tsx's own compiler),
 * kept in a private cache directory in the temp directory under a hash of the engine's sources;
 * every later process starts its threads from that file. If that cannot be done, the TypeScript
 * entry (worker-entry.mjs, which registers tsx) is used.
 */
let chosen: URL | string | null = null;

export function workerScript(): URL | string {
  if (!chosen) {
    try {
      chosen = bundledWorker();
    } catch {
      chosen = new URL('./worker-entry.mjs', import.meta.url);
    }
  }
  return chosen;
}

function sourcesHash(srcDir: string): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) h.update(p).update(readFileSync(p));
    }
  };
  walk(srcDir);
  return h.digest('hex').slice(0, 24);
}

/** A directory only this user can write to (so nobody else can put code where the threads load it). */
function privateDir(): string {
  const uid = process.getuid?.() ?? -1;
  const dir = join(tmpdir(), `samhandling-engine-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.isSymbolicLink() || (uid >= 0 && st.uid !== uid) || (st.mode & 0o077) !== 0) throw new Error(`${dir} is not private`);
  return dir;
}

function bundledWorker(): string {
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const srcDir = fileURLToPath(new URL('..', import.meta.url));
  const file = join(privateDir(), `worker-${sourcesHash(srcDir)}.mjs`);
  try {
    if (lstatSync(file).isFile()) return file;
  } catch {
    /* not built yet */
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: tmp, logLevel: 'silent' });
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}
