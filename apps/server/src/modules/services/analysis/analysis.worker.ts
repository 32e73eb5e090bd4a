import { parentPort } from 'node:worker_threads';
import { graphFor, loadModel, saveRoads, openAhead, runAnalysis, runScenario, type LoadedModel, type RunInput, type ScenarioSpec } from './engine-run.ts';

/**
 * The analysis worker thread. `open` reads the network ahead of `run`, which computes an analysis
 * and hands back its summary and packed result table (one thread per job, so cancelling is
 * terminating it); `scenario` answers from a model kept in this thread's memory, loaded from the
 * inputs the first time a key is seen.
 */
type Message =
  | { op: 'open'; network: RunInput['network']; profile: Record<string, unknown>; threads: number }
  | { op: 'run'; input: RunInput }
  | { op: 'build'; network: NonNullable<RunInput['network']>; profile: Record<string, unknown> }
  | { op: 'scenario'; reqId: number; key: string; input?: RunInput; spec: ScenarioSpec }
  | { op: 'drop'; key: string };

const models = new Map<string, Promise<LoadedModel>>();
const port = parentPort!;

port.on('message', (message: Message) => {
  void handle(message);
});

async function handle(message: Message): Promise<void> {
  if (message.op === 'drop') {
    models.delete(message.key);
    return;
  }
  if (message.op === 'build') {
    try {
      const progress = (stage: string, percent: number) => port.postMessage({ op: 'progress', stage, percent });
      const graph = graphFor(message.network, message.profile, progress);
      // The roads for the space's maps, from the same file (parsed again: the graph's node arrays are freed first).
      saveRoads(message.network, message.profile, progress);
      port.postMessage({ op: 'done', outcome: { nodes: graph.n, edges: graph.m, droppedNodes: graph.dropped.nodes } });
    } catch (error) {
      port.postMessage({ op: 'failed', message: (error as Error).message });
    }
    return;
  }
  if (message.op === 'open') {
    // Ahead of `run`: the graph (and the engine's worker threads) while the server reads the inputs.
    try {
      openAhead(message.network, message.profile, message.threads, (stage, percent) => port.postMessage({ op: 'progress', stage, percent }));
    } catch {
      /* `run` opens it again and reports the error */
    }
    return;
  }
  if (message.op === 'run') {
    try {
      const { outcome, results } = await runAnalysis(message.input, (stage, percent) => port.postMessage({ op: 'progress', stage, percent }));
      // The result table's buffer is handed over, not copied.
      port.postMessage({ op: 'done', outcome: { outcome, results } }, [results.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ op: 'failed', message: (error as Error).message });
    }
    return;
  }
  try {
    let loaded = models.get(message.key);
    if (!loaded) {
      if (!message.input) {
        port.postMessage({ op: 'scenario', reqId: message.reqId, needInput: true });
        return;
      }
      loaded = loadModel(message.input);
      models.set(message.key, loaded);
      loaded.catch(() => models.delete(message.key));
    }
    const result = runScenario(await loaded, message.spec);
    port.postMessage({ op: 'scenario', reqId: message.reqId, result });
  } catch (error) {
    port.postMessage({ op: 'scenario', reqId: message.reqId, error: (error as Error).message });
  }
}
