import { Worker } from 'node:worker_threads';

/**
 * Betweenness on a worker thread, so a large network (seconds of work) never blocks the
 * server's event loop. One thread, started on first use and not keeping the process alive.
 */
let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (value: Float64Array) => void; reject: (error: Error) => void }>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./betweenness-worker-entry.mjs', import.meta.url));
  started.unref();
  started.on('message', ({ id, result }: { id: number; result: Float64Array }) => {
    pending.get(id)?.resolve(result);
    pending.delete(id);
  });
  started.on('error', (error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = undefined;
  });
  started.on('exit', () => (worker = undefined));
  worker = started;
  return started;
}

export function betweennessOffThread(nodeCount: number, ties: [number, number][]): Promise<Float64Array> {
  const ends = new Int32Array(ties.length * 2);
  ties.forEach(([a, b], i) => {
    ends[2 * i] = a;
    ends[2 * i + 1] = b;
  });
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ensureWorker().postMessage({ id, nodeCount, ends }, [ends.buffer as ArrayBuffer]);
  });
}

/** Stops the thread (at shutdown): an idle worker must not keep a stopping server alive. */
export async function stopBetweennessWorker(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running) await running.terminate();
}
