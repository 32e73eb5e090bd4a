import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../../test/app.ts';

/**
 * A plan resting on a real analysis of its space (straight-line, no road network): the plan
 * shows its figures for the plan's municipality, a measure names a saved scenario as its reason,
 * and the documents carry the analysis chart and the space's service points on the map.
 */
let t: TestApp;
let lead: { client: Client; id: string };
let spaceId: string;
let otherSpaceId: string;
let analysisId: string;
let otherAnalysisId: string;
let scenarioId: string;
let planId: string;

const upload = (client: Client, url: string, fileName: string, content: string) => {
  const { body, headers } = multipartFile(fileName, content);
  return client.request('POST', url, body, headers);
};

async function analysed(space: string, name: string, prefix: string) {
  for (const p of [
    { externalId: `${prefix}-alvdalen`, name: 'Konsum Älvdalen', lon: 14.04, lat: 61.227 },
    { externalId: `${prefix}-idre`, name: 'Handlar’n Idre', lon: 12.72, lat: 61.858, municipalityCode: '2039' },
    { externalId: `${prefix}-mora`, name: 'Butik i Mora', lon: 14.54, lat: 61.0 },
  ]) {
    const answer = await lead.client.post(`/api/spaces/${space}/service-points`, { ...p, kinds: ['groceries_full'] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }
  // Villages of Älvdalen (2039), and one in Mora (2062) that the plan's figures must leave out.
  const csv = ['id,lon,lat,population', 'alvdalen,14.04,61.23,1800', 'idre,12.72,61.86,700', 'sarna,13.13,61.69,600', 'evertsberg,13.95,61.13,150', 'mora,14.54,61.0,9000'].join('\n') + '\n';
  const population = await upload(lead.client, `/api/spaces/${space}/population/import`, 'byar.csv', csv);
  expect(population.status, JSON.stringify(population.body)).toBe(201);
  const created = await lead.client.post(`/api/spaces/${space}/analyses`, { populationId: population.body.id, networkId: null, types: ['groceries'], name });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  await t.deps.jobs.idle();
  const done = await lead.client.get(`/api/analyses/${created.body.id}`);
  expect(done.body.status).toBe('done');
  return created.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp({ config: { dataDir: mkdtempSync(path.join(tmpdir(), 'samhandling-plan-analysis-')) } });
  lead = await t.user({ name: 'Processledare' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i Älvdalen', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039', '2062'] })).body.id;
  otherSpaceId = (await lead.client.post('/api/spaces', { name: 'Annan arena', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039'] })).body.id;
  analysisId = await analysed(spaceId, 'Älvdalen 2026', 'a');
  otherAnalysisId = await analysed(otherSpaceId, 'Annan analys', 'b');
  const scenario = await lead.client.post(`/api/analyses/${analysisId}/scenarios`, { open: [{ id: 'ny-sarna', type: 'groceries', lon: 13.13, lat: 61.69 }], name: 'Butik i Särna' });
  expect(scenario.status, JSON.stringify(scenario.body)).toBe(200);
  scenarioId = scenario.body.id;
  planId = (await lead.client.post(`/api/spaces/${spaceId}/service-plans`, { title: 'Serviceplan med analys', municipalityCode: '2039', periodStart: 2026, periodEnd: 2029 })).body.id;
}, 180_000);
afterAll(() => t.close());

describe('a plan resting on an analysis', () => {
  it('refuses analyses and scenarios of other spaces, and unknown ones', async () => {
    const foreign = await lead.client.patch(`/api/service-plans/${planId}`, { analysisId: otherAnalysisId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ analysisId: 'Analysen finns inte i arenan.' });
    const unknown = await lead.client.patch(`/api/service-plans/${planId}`, { measures: [{ title: 'Ny butik', scenarioId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknown.body.error.fields).toEqual({ 'measures.0.scenarioId': 'Scenariot finns inte bland arenans sparade scenarier.' });
    expect((await lead.client.get(`/api/service-plans/${planId}`)).body.content).toMatchObject({ analysisId: null, measures: [] });
  });

  it('shows the figures for the plan’s municipality and keeps the scenario as a measure’s reason', async () => {
    const saved = await lead.client.patch(`/api/service-plans/${planId}`, { analysisId, measures: [{ title: 'Butik i Särna', scenarioId }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.content.measures[0].scenarioId).toBe(scenarioId);
    const { analysis } = saved.body;
    expect(analysis).toMatchObject({ analysisId, available: true, straightLine: true });
    const groceries = analysis.types.find((x: { type: string }) => x.type === 'groceries');
    expect(groceries.classes.map((c: { label: string }) => c.label)).toEqual(['<5', '5–10', '10–30', '>30']);
    // Älvdalen's four villages only: Mora's 9 000 are not in the plan's figures.
    expect(groceries.classes.reduce((sum: number, c: { population: number }) => sum + c.population, 0)).toBe(3250);
  });

  it('freezes the figures into the version put out, and draws the chart and the service points', async () => {
    const out = await lead.client.post(`/api/service-plans/${planId}/consultation`, { endsOn: '2099-12-31' });
    expect(out.status).toBe(200);
    const version = await t.deps.db.selectFrom('service_plan_versions').select('content').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect((version.content as { analysisFigures: { available: boolean } }).analysisFigures.available).toBe(true);
    const doc = await t.client().get(`/api/service-plans/${planId}/document`);
    const figures = doc.body.blocks.filter((b: { kind: string }) => b.kind === 'figure');
    expect(figures.map((f: { alt: string }) => f.alt)).toEqual([
      'Karta över Älvdalens kommun med orter och servicenivåer',
      'Befolkning per restidsklass (minuter med bil) och typ av service',
      'Åtgärder per status',
    ]);
    expect(figures[0].svg).toContain('<title>Konsum Älvdalen</title>');
    expect(figures[0].svg).toContain('<title>Handlar’n Idre</title>');
    expect(figures[0].svg).not.toContain('Butik i Mora');
    const table = doc.body.blocks.find((b: { kind: string; caption?: string }) => b.kind === 'table' && b.caption === 'Befolkning per restidsklass och typ av service');
    expect(table.rows[0][0]).toBe('Dagligvaror');
    const response = await t.app.inject({ method: 'GET', url: `/api/service-plans/${planId}/export.docx` });
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Befolkning per restidsklass');
  });
});
