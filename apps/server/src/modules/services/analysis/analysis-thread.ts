import { Worker } from 'node:worker_threads';
import type { RunInput, RunOutcome, runScenario, ScenarioSpec } from './engine-run.ts';

const ENTRY = new URL('./analysis-worker-entry.mjs', import.meta.url);

/**
 * Runs one analysis on a thread of its own; aborting the signal terminates the thread. The thread
 * starts at once and opens the network (`open`, as soon as `load` knows which) while `load` reads
 * the rest of the inputs from the database: starting the thread and reading the graph cache overlap
 * reading 100,000 origins.
 */
export function runAnalysisOffThread(
  load: (open: (network: RunInput['network'], profile: Record<string, unknown>, threads: number) => void) => Promise<RunInput>,
  onProgress: (stage: string, percent: number) => void,
  signal: AbortSignal,
): Promise<{ outcome: RunOutcome; results: Uint8Array }> {
  return offThread((post) => load((network, profile, threads) => post({ op: 'open', network, profile, threads })).then((input) => post({ op: 'run', input })), onProgress, signal);
}

/** Builds (and caches) a road network's graph on a thread of its own. */
export function buildNetworkOffThread(
  network: NonNullable<RunInput['network']>,
  profile: Record<string, unknown>,
  onProgress: (stage: string, percent: number) => void,
  signal: AbortSignal,
): Promise<{ nodes: number; edges: number; droppedNodes: number }> {
  return offThread(async (post) => post({ op: 'build', network, profile }), onProgress, signal);
}

function offThread<T>(start: (post: (message: Record<string, unknown>) => void) => Promise<void>, onProgress: (stage: string, percent: number) => void, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const worker = new Worker(ENTRY);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort);
    worker.on('message', (m: { op: string; stage?: string; percent?: number; outcome?: T; message?: string }) => {
      if (m.op === 'progress') onProgress(m.stage!, m.percent!);
      else if (m.op === 'done') finish(() => resolve(m.outcome!));
      else if (m.op === 'failed') finish(() => reject(new Error(m.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`analysis thread ended (${code})`))));
    start((message) => {
      if (!settled) worker.postMessage(message);
    }).catch((error: unknown) => finish(() => reject(error)));
  });
}

export type ScenarioAnswer = ReturnType<typeof runScenario>;

/**
 * The analysed models kept in memory on this instance for scenarios, on one long-lived thread.
 * A model missing there (first use, evicted, another instance ran the analysis, a restart) is
 * rebuilt from the stored inputs that `load` returns.
 */
export class ScenarioThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: { needInput?: boolean; result?: ScenarioAnswer; error?: string }) => void; reject: (e: Error) => void }>();
  /** Keys the thread holds, oldest first. */
  private readonly keys: string[] = [];

  constructor(private readonly capacity = 4) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    worker.unref();
    worker.on('message', (m: { op: string; reqId: number; needInput?: boolean; result?: ScenarioAnswer; error?: string }) => {
      if (m.op !== 'scenario') return;
      this.pending.get(m.reqId)?.resolve(m);
      this.pending.delete(m.reqId);
    });
    const fail = (error: Error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.keys.length = 0;
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('scenario thread ended')));
    this.worker = worker;
    return worker;
  }

  private ask(key: string, spec: ScenarioSpec, input?: RunInput) {
    const worker = this.ensure();
    return new Promise<{ needInput?: boolean; result?: ScenarioAnswer; error?: string }>((resolve, reject) => {
      const reqId = this.nextId++;
      this.pending.set(reqId, { resolve, reject });
      worker.postMessage({ op: 'scenario', reqId, key, spec, input });
    });
  }

  async run(key: string, spec: ScenarioSpec, load: () => Promise<RunInput>): Promise<ScenarioAnswer> {
    let answer = this.keys.includes(key) ? await this.ask(key, spec) : { needInput: true };
    if (answer.needInput) {
      const input = await load();
      this.remember(key);
      answer = await this.ask(key, spec, input);
    }
    if (answer.error) throw new ScenarioError(answer.error);
    return answer.result!;
  }

  private remember(key: string) {
    const at = this.keys.indexOf(key);
    if (at >= 0) this.keys.splice(at, 1);
    this.keys.push(key);
    while (this.keys.length > this.capacity) this.worker?.postMessage({ op: 'drop', key: this.keys.shift() });
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

export class ScenarioError extends Error {}
