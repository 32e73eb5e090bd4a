import { Worker } from 'node:worker_threads';
import { twoNearest } from '../routing/compute.ts';
import type { Labels, Seeds } from '../routing/labels.ts';
import type { ReverseAdjacency } from '../routing/search.ts';

function toShared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}


/**
 * Runs one two-nearest search per seed set, spread over `threads` worker threads that share the
 * graph's memory. threads ≤ 1 (or a single job) runs in the calling thread.
 */
export async function twoNearestMany(g: ReverseAdjacency, jobs: Seeds[], threads: number): Promise<Labels[]> {
  const nWorkers = Math.min(threads, jobs.length);
  if (nWorkers <= 1) return jobs.map((s) => twoNearest(g, s));
  const shared: ReverseAdjacency = {
    n: g.n,
    firstIn: toShared(g.firstIn),
    inTail: toShared(g.inTail),
    inSec: toShared(g.inSec),
    inMeters: toShared(g.inMeters),
  };
  const results: Labels[] = new Array(jobs.length);
  // The worker is TypeScript: a small JS entry registers tsx in the thread first.
  const url = new URL('./worker-entry.mjs', import.meta.url);
  let next = 0;
  const workers = Array.from({ length: nWorkers }, () => new Worker(url));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.postMessage({ kind: 'graph', graph: shared });
            const give = (): void => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              w.postMessage({ kind: 'job', id, seeds: jobs[id] });
            };
            w.on('message', (msg: { id: number; labels?: Labels; error?: string }) => {
              if (msg.error) return reject(new Error(msg.error));
              results[msg.id] = msg.labels!;
              give();
            });
            w.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
