import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roadCollection, roadNetworkEndpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../../test/app.ts';

/**
 * The roads on a space's maps, end to end: a real OSM extract (Monaco) imported through the API,
 * built by the job, and served by class to those who may see the space's analyses.
 */
const MONACO = fileURLToPath(new URL('../../../../../../packages/engine/test/fixtures/monaco.osm.pbf', import.meta.url));

let t: TestApp;
let lead: { client: Client; id: string };
let observer: { client: Client; id: string };
let outsider: { client: Client; id: string };
let spaceId: string;
let emptySpaceId: string;

const roadsOf = (client: Client, id: string, headers?: Record<string, string>) =>
  client.call(roadNetworkEndpoints.getRoadNetworkRoads, { params: { id }, ...(headers ? { headers } : {}) });

beforeAll(async () => {
  t = await createTestApp({ config: { dataDir: mkdtempSync(path.join(tmpdir(), 'samhandling-roads-')) } });
  lead = await t.user({ name: 'Processledare' });
  observer = await t.user({ name: 'Observatör' });
  outsider = await t.user({ name: 'Utomstående' });
  spaceId = (
    await lead.client.post('/api/spaces', { name: 'Service i Monaco', kind: 'municipal', visibility: 'members', municipalityCodes: [] })
  ).body.id;
  emptySpaceId = (
    await lead.client.post('/api/spaces', { name: 'Utan vägnät', kind: 'municipal', visibility: 'members', municipalityCodes: [] })
  ).body.id;
  await t.deps.db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: observer.id, role: 'observer', created_at: new Date() })
    .execute();
}, 60_000);

afterAll(async () => {
  await t.close();
});

describe('roads of a space', () => {
  it('are empty before a network is imported, and drawn by class after the import job', async () => {
    const before = await roadsOf(lead.client, spaceId);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ type: 'FeatureCollection', features: [] });
    expect(before.headers.etag).toBeUndefined();

    const { body, headers } = multipartFile('monaco.osm.pbf', readFileSync(MONACO));
    const imported = await lead.client.request('POST', `/api/spaces/${spaceId}/networks/import`, body, headers);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    await t.deps.jobs.idle();
    const network = (await lead.client.get(`/api/spaces/${spaceId}/networks`)).body[0];
    expect(network).toMatchObject({ id: imported.body.id, status: 'done' });

    const answer = await roadsOf(observer.client, spaceId);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    const roads = roadCollection.parse(answer.body);
    expect(roads.features.map((f) => f.properties.class)).toEqual(['minor', 'secondary', 'primary']);
    for (const f of roads.features) {
      expect(f.geometry.coordinates.length).toBeGreaterThan(50);
      for (const line of f.geometry.coordinates)
        for (const [lon, lat] of line) expect(lon! > 7.4 && lon! < 7.45 && lat! > 43.72 && lat! < 43.76).toBe(true);
    }
    expect(answer.headers['cache-control']).toBe('private, no-cache');
    expect(String(answer.headers.etag)).toContain(imported.body.id);
  });

  it('answer 304 to a browser that already has them (ETag)', async () => {
    const first = await roadsOf(lead.client, spaceId);
    const etag = String(first.headers.etag);
    const again = await roadsOf(lead.client, spaceId, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const stale = await roadsOf(lead.client, spaceId, { 'if-none-match': '"roads-old"' });
    expect(stale.status).toBe(200);
    expect(stale.body.features.length).toBe(3);
  });

  it('are not there for those who may not see the space (404), nor for another space', async () => {
    expect((await roadsOf(outsider.client, spaceId)).status).toBe(404);
    expect((await roadsOf(t.client(), spaceId)).status).toBe(404);
    expect((await roadsOf(observer.client, emptySpaceId)).status).toBe(404);
    expect((await roadsOf(lead.client, emptySpaceId)).body.features).toEqual([]);
    expect((await roadsOf(lead.client, 'not-a-uuid')).status).toBe(400);
  });
});
