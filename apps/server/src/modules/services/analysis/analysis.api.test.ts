import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND_OF_ENGINE_TYPE } from '@samhandling/contracts';
import { decodeResults, DEFAULT_PROFILE, loadOsm, resultCsv, unpackResults, type ServiceType } from '@samhandling/engine';
import { runAnalyseCli } from '@samhandling/engine/cli';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultTableFromCsv } from '../../../db/migrations/0011_engine_result_tables.ts';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../../test/app.ts';
import { scenarioThread } from '../scenario/scenario.service.ts';

/**
 * An analysis job end to end on Andorra's real road network, with a population file written here,
 * checked against the engine's own CLI on the same inputs; and a scenario against a fresh run.
 */
const ANDORRA = fileURLToPath(new URL('../../../../../../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url));

let t: TestApp;
let lead: { client: Client; id: string };
let observer: { client: Client; id: string };
let spaceId: string;
let dir: string;
let points: { id: string; type: ServiceType; lon: number; lat: number; name?: string }[];
let populationId: string;
let networkId: string;
let analysisId: string;

const upload = (client: Client, url: string, fileName: string, content: string | Buffer) => {
  const { body, headers } = multipartFile(fileName, content);
  return client.request('POST', url, body, headers);
};

/** A deterministic scatter of populated places over Andorra's valleys (some far from any road). */
function originsCsv(): string {
  let state = 7;
  const rnd = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = ['id,lon,lat,population'];
  for (let i = 0; i < 160; i++) rows.push(`o${i},${(1.42 + rnd() * 0.34).toFixed(5)},${(42.43 + rnd() * 0.21).toFixed(5)},${1 + Math.floor(rnd() * 400)}`);
  return rows.join('\n') + '\n';
}

const cli = async (args: string[]) => {
  const errors: string[] = [];
  const code = await runAnalyseCli(args, () => {}, (s) => errors.push(s));
  expect(code, errors.join('')).toBe(0);
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'samhandling-analysis-'));
  t = await createTestApp({ config: { dataDir: dir } });
  lead = await t.user({ name: 'Processledare' });
  observer = await t.user({ name: 'Observatör' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i Andorra', kind: 'municipal', visibility: 'members', municipalityCodes: [] })).body.id;
  await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: observer.id, role: 'observer', created_at: new Date() }).execute();

  // The service points: Andorra's shops, fuel, pharmacies, post and payment from OSM, entered through the API.
  points = loadOsm(ANDORRA, DEFAULT_PROFILE).points;
  const byId = new Map<string, { id: string; lon: number; lat: number; name?: string; types: ServiceType[] }>();
  for (const p of points) {
    const e = byId.get(p.id) ?? { id: p.id, lon: p.lon, lat: p.lat, ...(p.name ? { name: p.name } : {}), types: [] };
    e.types.push(p.type);
    byId.set(p.id, e);
  }
  for (const p of byId.values()) {
    const answer = await lead.client.post(`/api/spaces/${spaceId}/service-points`, { externalId: p.id, name: p.name ?? p.id, lon: p.lon, lat: p.lat, kinds: [...new Set(p.types.map((ty) => KIND_OF_ENGINE_TYPE[ty]))] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }
  writeFileSync(path.join(dir, 'points.csv'), ['id,type,lon,lat', ...points.map((p) => `${p.id},${p.type},${p.lon},${p.lat}`)].join('\n') + '\n');
  writeFileSync(path.join(dir, 'origins.csv'), originsCsv());

  const population = await upload(lead.client, `/api/spaces/${spaceId}/population/import`, 'origins.csv', readFileSync(path.join(dir, 'origins.csv')));
  expect(population.status, JSON.stringify(population.body)).toBe(201);
  populationId = population.body.id;
  const network = await upload(lead.client, `/api/spaces/${spaceId}/networks/import`, 'andorra.osm.pbf', readFileSync(ANDORRA));
  expect(network.status, JSON.stringify(network.body)).toBe(201);
  networkId = network.body.id;
  await t.deps.jobs.idle();
}, 120_000);

afterAll(async () => {
  await scenarioThread.stop();
  await t.close();
});

describe('analysis job', () => {
  it('runs through the API and gives exactly the engine CLI’s results on the same inputs', async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/analyses`, { populationId, networkId, name: 'Andorra 2026' });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    analysisId = created.body.id;
    const first = await observer.client.get(`/api/analyses/${analysisId}`);
    expect(['queued', 'running', 'done']).toContain(first.body.status);
    await t.deps.jobs.idle();
    const done = await observer.client.get(`/api/analyses/${analysisId}`);
    expect(done.body).toMatchObject({ status: 'done', progress: { percent: 100 }, error: null, name: 'Andorra 2026' });
    expect(done.body.inputs).toMatchObject({ mode: 'road', pointCount: points.length, population: { id: populationId, kind: 'origins' }, network: { id: networkId }, thresholdsMin: [5, 10, 30], vulnerableMin: 10 });
    const job = await t.deps.db.selectFrom('jobs').select(['stage', 'status']).where('kind', '=', 'analysis.run').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');

    const results = await observer.client.get(`/api/analyses/${analysisId}/results.csv`);
    expect(results.status).toBe(200);
    expect(results.headers['content-type']).toContain('text/csv');
    await cli(['--network', ANDORRA, '--points', path.join(dir, 'points.csv'), '--origins', path.join(dir, 'origins.csv'), '--out', path.join(dir, 'cli.csv'), '--summary', path.join(dir, 'cli.json'), '--threads', '1']);
    expect(results.body).toBe(readFileSync(path.join(dir, 'cli.csv'), 'utf8'));

    // The summary: per type, the population per class, as the engine's aggregates.
    const cliSummary = JSON.parse(readFileSync(path.join(dir, 'cli.json'), 'utf8'));
    for (const type of ['groceries', 'fuel', 'pharmacy', 'post', 'payment']) {
      expect(done.body.summary[type].classes.map((c: { population: number }) => c.population)).toEqual(cliSummary.aggregates[type].classes.map((c: { population: number }) => c.population));
      expect(done.body.summary[type].vulnerable.population).toBe(cliSummary.aggregates[type].vulnerable.population);
    }
    expect(done.body.details.population).toBe(cliSummary.population);
    expect(done.body.details.mode).toBe('road');
    expect(Object.keys(done.body.summary).sort()).toEqual(['fuel', 'groceries', 'payment', 'pharmacy', 'post']);
  });

  it('gives the map and tables every origin with its minutes to each type', async () => {
    const origins = await observer.client.get(`/api/analyses/${analysisId}/origins`);
    expect(origins.status).toBe(200);
    expect(origins.body.origins).toHaveLength(160);
    expect(origins.body.points).toHaveLength(points.length);
    const rows = parse(readFileSync(path.join(dir, 'cli.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const o7 = rows.find((r) => r.origin_id === 'o7' && r.type === 'fuel')!;
    const fuel = origins.body.types.indexOf('fuel');
    const api7 = origins.body.origins.find((o: { id: string }) => o.id === 'o7');
    expect(api7.times[fuel]).toEqual([o7.nearest_id || null, o7.seconds ? Number(o7.seconds) : null, o7.second_id || null, o7.second_seconds ? Number(o7.second_seconds) : null]);
  });

  it('stores the results as the engine’s packed binary table, and converts results stored as gzipped CSV before it', async () => {
    const stored = await t.deps.db.selectFrom('analyses').select('results').where('id', '=', analysisId).executeTakeFirstOrThrow();
    const csv = readFileSync(path.join(dir, 'cli.csv'), 'utf8');
    expect(resultCsv(unpackResults(stored.results!))).toBe(csv);
    // Packed: a fraction of the CSV it stands for (5 types × 160 origins), and read without parsing text.
    expect(stored.results!.length).toBeLessThan(Buffer.byteLength(csv) / 3);
    // Migration 0011 turns an old result file into a table that gives back the same file.
    expect(resultCsv(decodeResults(resultTableFromCsv(csv)))).toBe(csv);
  });

  it('runs on straight lines without a road network, and says so', async () => {
    const created = await lead.client.post(`/api/spaces/${spaceId}/analyses`, { populationId, networkId: null, types: ['groceries'] });
    expect(created.status).toBe(202);
    await t.deps.jobs.idle();
    const done = await lead.client.get(`/api/analyses/${created.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', inputs: { mode: 'straight_line', network: null, types: ['groceries'] }, details: { mode: 'straight_line' } });
    const csv = (await lead.client.get(`/api/analyses/${created.body.id}/results.csv`)).body as string;
    expect(csv.trim().split('\n').slice(1).every((line) => line.endsWith(',straight_line'))).toBe(true);
  });

  it('cancels a queued analysis, and refuses bad input with a clear message', async () => {
    await t.deps.jobs.stop();
    const created = await lead.client.post(`/api/spaces/${spaceId}/analyses`, { populationId, networkId });
    const cancelled = await lead.client.post(`/api/analyses/${created.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', summary: null, details: null });
    t.deps.jobs.start();
    await t.deps.jobs.idle();
    expect((await lead.client.get(`/api/analyses/${created.body.id}`)).body.status).toBe('cancelled');
    expect((await lead.client.get(`/api/analyses/${created.body.id}/results.csv`)).status).toBe(409);

    const unknown = await lead.client.post(`/api/spaces/${spaceId}/analyses`, { populationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Befolkningsunderlaget finns inte i arenan.');
    const english = await lead.client.post(`/api/spaces/${spaceId}/analyses`, { populationId, types: ['bakery'] }, { 'accept-language': 'en' });
    expect(english.status).toBe(400);
    expect((await observer.client.post(`/api/spaces/${spaceId}/analyses`, { populationId })).status).toBe(403);
    expect((await observer.client.post(`/api/analyses/${analysisId}/cancel`)).status).toBe(403);
  });
});

describe('scenarios', () => {
  /** The groceries point that is nearest for the most people: closing it matters. */
  async function busiestShop(): Promise<string> {
    const origins = (await lead.client.get(`/api/analyses/${analysisId}/origins`)).body;
    const g = origins.types.indexOf('groceries');
    const count = new Map<string, number>();
    for (const o of origins.origins) {
      const id = o.times[g][0];
      if (id) count.set(id, (count.get(id) ?? 0) + o.population);
    }
    return [...count.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }

  it('closing a shop through the API equals a fresh analysis without it', async () => {
    const shop = await busiestShop();
    const answer = await observer.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [shop] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.id).toBeNull();
    expect(answer.body.changed.length).toBeGreaterThan(0);
    // Only groceries changed, and only where the closed shop was the nearest.
    expect(new Set(answer.body.changed.map((c: { type: string }) => c.type))).toEqual(new Set(['groceries']));

    writeFileSync(path.join(dir, 'points-closed.csv'), ['id,type,lon,lat', ...points.filter((p) => p.id !== shop).map((p) => `${p.id},${p.type},${p.lon},${p.lat}`)].join('\n') + '\n');
    await cli(['--network', ANDORRA, '--points', path.join(dir, 'points-closed.csv'), '--origins', path.join(dir, 'origins.csv'), '--out', path.join(dir, 'fresh.csv'), '--summary', path.join(dir, 'fresh.json'), '--threads', '1']);
    const fresh = parse(readFileSync(path.join(dir, 'fresh.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const base = parse((await lead.client.get(`/api/analyses/${analysisId}/results.csv`)).body, { columns: true }) as Record<string, string>[];
    // The analysed results with the scenario's changes applied are the fresh run's, origin by origin.
    const after = new Map(base.map((r) => [`${r.origin_id}/${r.type}`, { nearestId: r.nearest_id || null, seconds: r.seconds ? Number(r.seconds) : null }]));
    for (const c of answer.body.changed) after.set(`${c.originId}/${c.type}`, { nearestId: c.after.nearestId, seconds: c.after.seconds === null ? null : Math.round(c.after.seconds * 10) / 10 });
    for (const r of fresh) {
      const a = after.get(`${r.origin_id}/${r.type}`)!;
      expect(a.nearestId, `${r.origin_id} ${r.type}`).toBe(r.nearest_id || null);
      if (!r.seconds) expect(a.seconds, `${r.origin_id} ${r.type}`).toBeNull();
      else expect(a.seconds, `${r.origin_id} ${r.type}`).toBeCloseTo(Number(r.seconds), 1);
    }
    const freshSummary = JSON.parse(readFileSync(path.join(dir, 'fresh.json'), 'utf8'));
    for (const type of Object.keys(answer.body.summary.after)) {
      expect(answer.body.summary.after[type].classes.map((c: { population: number }) => c.population)).toEqual(freshSummary.aggregates[type].classes.map((c: { population: number }) => c.population));
      expect(answer.body.summary.after[type].vulnerable.population).toBe(freshSummary.aggregates[type].vulnerable.population);
    }
    // Those who lost their nearest shop travel further: the mean travel time grows.
    expect(answer.body.summary.after.groceries.meanMin).toBeGreaterThan(answer.body.summary.before.groceries.meanMin);
    expect(answer.body.changed.every((c: { before: { nearestId: string; seconds: number }; after: { seconds: number | null } }) => c.before.nearestId === shop && (c.after.seconds === null || c.after.seconds >= c.before.seconds))).toBe(true);
  });

  it('rebuilds the model from the stored inputs when this instance has none in memory', async () => {
    const shop = await busiestShop();
    const warm = (await lead.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [shop] })).body;
    await scenarioThread.stop();
    const cold = (await lead.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [shop] })).body;
    expect(cold.changed).toEqual(warm.changed);
    expect(cold.summary.after).toEqual(warm.summary.after);
  });

  it('opens a combined service point, moves one, saves the scenario and serves it by id', async () => {
    const opened = await lead.client.post(`/api/analyses/${analysisId}/scenarios`, {
      open: [
        { id: 'ny-butik', type: 'groceries', lon: 1.6, lat: 42.55 },
        { id: 'ny-butik', type: 'post', lon: 1.6, lat: 42.55 },
      ],
      move: [{ id: points.find((p) => p.type === 'pharmacy')!.id, lon: 1.5, lat: 42.5 }],
      name: 'Servicepunkt i Ordino',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.id).toEqual(expect.any(String));
    expect(opened.body.changed.some((c: { type: string; after: { nearestId: string } }) => c.type === 'post' && c.after.nearestId === 'ny-butik')).toBe(true);
    const saved = await observer.client.get(`/api/scenarios/${opened.body.id}`);
    expect(saved.body).toMatchObject({ id: opened.body.id, analysisId, spaceId, name: 'Servicepunkt i Ordino', changedCount: opened.body.summary.changedOrigins });
    expect(saved.body.summary.change).toEqual(opened.body.summary.change);
    const list = await observer.client.get(`/api/analyses/${analysisId}/scenarios`);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(opened.body.id);
    // After a scenario the model is as before: the same closing answers the same.
    const again = await lead.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [] });
    expect(again.body.changed).toEqual([]);
  });

  it('refuses an impossible scenario with a clear message and lets observers try but not save', async () => {
    const bad = await lead.client.post(`/api/analyses/${analysisId}/scenarios`, { close: ['finns-inte'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Scenariot går inte att tillämpa');
    expect((await observer.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [], name: 'Får inte' })).status).toBe(403);
    const outsider = await t.user();
    expect((await outsider.client.post(`/api/analyses/${analysisId}/scenarios`, { close: [] })).status).toBe(404);
    expect((await outsider.client.get(`/api/analyses/${analysisId}`)).status).toBe(404);
  });
});
