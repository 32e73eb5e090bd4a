import { parentPort } from 'node:worker_threads';
import { betweennessCentrality } from './betweenness.ts';

interface Job {
  id: number;
  nodeCount: number;
  ends: Int32Array;
}

parentPort!.on('message', (job: Job) => {
  const ties: [number, number][] = [];
  for (let i = 0; i < job.ends.length; i += 2) ties.push([job.ends[i]!, job.ends[i + 1]!]);
  const result = betweennessCentrality(job.nodeCount, ties);
  parentPort!.postMessage({ id: job.id, result }, [result.buffer as ArrayBuffer]);
});
