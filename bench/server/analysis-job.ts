/**
 * End-to-end time of an accessibility analysis job through the API for a county-sized case
 * (bench/server/county-case.ts): per run POST /api/spaces/:id/analyses, then GET /api/analyses/:id
 * every 50 ms until done. Also a scenario (close the busiest shop) through the API: cold (the model
 * rebuilt from the stored inputs on this instance) and warm.
 *
 *   npx tsx bench/server/analysis-job.ts            (RUNS=5 by default)
 */
import { cpus, loadavg } from 'node:os';
import { busiestShop, countyCase, runAnalysisJob } from './county-case.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const c = await countyCase(Number(process.env.PORT ?? 3522));
try {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await runAnalysisJob(c.api, c.space.id, { populationId: c.population.id, networkId: c.network.id }));
  const analysisId = runs.at(-1)!.id;
  const shop = await busiestShop(c.api, analysisId);
  const scenario = async () => {
    const s = performance.now();
    const res = await c.api('POST', `/api/analyses/${analysisId}/scenarios`, { close: [shop] });
    return { ms: Math.round(performance.now() - s), changed: res.changed.length, serverMs: Math.round(res.summary.ms) };
  };
  const cold = await scenario();
  const warm = [];
  for (let r = 0; r < RUNS; r++) warm.push(await scenario());
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify(
      {
        machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
        inputs: c.inputs,
        setupMs: c.setupMs,
        analysisRuns: runs.map(({ id: _id, ...r }) => r),
        medianAnalysisMs: median(runs.map((r) => r.totalMs)),
        scenario: { shop, cold, warm, medianWarmMs: median(warm.map((w) => w.ms)) },
      },
      null,
      2,
    ),
  );
} finally {
  await c.stop();
}
