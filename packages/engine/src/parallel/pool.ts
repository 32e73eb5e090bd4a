import { Worker } from 'node:worker_threads';
import { CH_ARRAYS } from '../graph/graph.ts';
import { phastTwoNearest, type ContractionHierarchy } from '../routing/ch.ts';
import { twoNearest } from '../routing/compute.ts';
import type { Labels, Seeds } from '../routing/labels.ts';
import type { ReverseAdjacency } from '../routing/search.ts';
import { workerScript } from './worker-script.ts';

const sharedCh = new WeakMap<ContractionHierarchy, ContractionHierarchy>();

function shareCh(ch: ContractionHierarchy): ContractionHierarchy {
  let s = sharedCh.get(ch);
  if (!s) {
    const out: Record<string, unknown> = { n: ch.n, chCoreSize: ch.chCoreSize };
    for (const k of CH_ARRAYS) out[k] = toShared(ch[k]);
    s = out as unknown as ContractionHierarchy;
    sharedCh.set(ch, s);
  }
  return s;
}

function toShared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

interface PoolWorker {
  worker: Worker;
  /** The graph this worker holds (the caller's object, compared by identity). */
  graph: ReverseAdjacency | null;
  ch: ContractionHierarchy | null;
}

/**
 * Worker threads are kept between analyses: starting one costs a thread and module compilation
 * (worker-script.ts), which a scenario-driven server should pay once, not per request.
 * Idle workers are unref'd so they never keep the process alive.
 */
const pool: PoolWorker[] = [];
const sharedOf = new WeakMap<ReverseAdjacency, ReverseAdjacency>();

function spawn(): PoolWorker {
  const worker = new Worker(workerScript());
  worker.unref();
  return { worker, graph: null, ch: null };
}

/**
 * Starts worker threads now, so that their start-up (a thread, a TypeScript loader, the routing
 * modules) overlaps whatever the caller does next, typically reading the network. Call it first
 * thing when an analysis with `threads` > 1 is coming; it never starts more than `threads`.
 */
export function warmWorkers(threads: number): void {
  // Synchronously: the threads start booting before the caller goes on to block on a file read.
  while (pool.length < threads) pool.push(spawn());
}

/** Stops the kept worker threads (tests and tools that want a clean exit call this). */
export async function shutdownWorkers(): Promise<void> {
  const all = pool.splice(0);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

/**
 * Runs one two-nearest search per seed set (PHAST sweeps when a hierarchy is given), spread over
 * `threads` worker threads that share the graph's memory. threads ≤ 1 (or a single job) runs in the
 * calling thread.
 */
export function twoNearestMany(
  g: ReverseAdjacency,
  jobs: Seeds[],
  threads: number,
  ch: ContractionHierarchy | null = null,
  /** Hears each job's labels as they come (so the caller can use them while others still run). */
  onLabels?: (job: number, labels: Labels) => void,
): Promise<Labels[]> {
  if (Math.min(threads, jobs.length) <= 1) {
    try {
      return Promise.resolve(
        jobs.map((s, k) => {
          const labels = ch ? phastTwoNearest(ch, s) : twoNearest(g, s);
          onLabels?.(k, labels);
          return labels;
        }),
      );
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }
  // One analysis at a time on the shared workers: their replies are matched by job number only.
  const run = queue.then(() => runOnWorkers(g, jobs, threads, ch, onLabels));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function runOnWorkers(
  g: ReverseAdjacency,
  jobs: Seeds[],
  threads: number,
  ch: ContractionHierarchy | null,
  onLabels?: (job: number, labels: Labels) => void,
): Promise<Labels[]> {
  const nWorkers = Math.min(threads, jobs.length);
  let shared = sharedOf.get(g);
  if (!shared) {
    shared = { n: g.n, firstIn: toShared(g.firstIn), inTail: toShared(g.inTail), inSec: toShared(g.inSec), inMeters: toShared(g.inMeters) };
    sharedOf.set(g, shared);
  }
  while (pool.length < nWorkers) pool.push(spawn());
  const results: Labels[] = new Array(jobs.length);
  let next = 0;
  const used = pool.slice(0, nWorkers);
  await Promise.all(
    used.map(
      (pw) =>
        new Promise<void>((resolve, reject) => {
          const w = pw.worker;
          w.ref();
          if (pw.graph !== g || pw.ch !== ch) {
            w.postMessage({ kind: 'graph', graph: shared, ch: ch ? shareCh(ch) : null });
            pw.graph = g;
            pw.ch = ch;
          }
          const done = (): void => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.unref();
          };
          const give = (): void => {
            if (next >= jobs.length) {
              done();
              return resolve();
            }
            const id = next++;
            w.postMessage({ kind: 'job', id, seeds: jobs[id] });
          };
          const onMessage = (msg: { id: number; labels?: Labels; error?: string }): void => {
            if (msg.error) {
              done();
              return reject(new Error(msg.error));
            }
            results[msg.id] = msg.labels!;
            try {
              onLabels?.(msg.id, msg.labels!);
            } catch (e) {
              done();
              return reject(e as Error);
            }
            give();
          };
          const onError = (e: Error): void => {
            done();
            // A crashed worker is replaced next time.
            const i = pool.indexOf(pw);
            if (i >= 0) pool.splice(i, 1);
            reject(e);
          };
          w.on('message', onMessage);
          w.on('error', onError);
          give();
        }),
    ),
  );
  return results;
}
