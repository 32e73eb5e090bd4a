import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type Client, type TestApp } from '../../test/app.ts';
import { listServicePointsForAnalysis } from './service-point/service-point.service.ts';

const andorra = readFileSync(fileURLToPath(new URL('../../../../../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url)));

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let spaceId: string;

function multipart(filename: string, bytes: Buffer, field = 'file') {
  const boundary = '----samhandling' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, url: string, filename: string, bytes: Buffer, field = 'file') {
  const { payload, contentType } = multipart(filename, bytes, field);
  const response = await t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, origin: ORIGIN, ...(client.cookie ? { cookie: client.cookie } : {}) } });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Importör' });
  member = await t.user({ name: 'Medlem' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Andorra service', kind: 'project', visibility: 'members', municipalityCodes: [] })).body.id;
  const invited = await lead.client.post(`/api/spaces/${spaceId}/members`, { userId: member.id, role: 'member' });
  if (invited.status >= 300) {
    await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: new Date() }).execute();
  }
});
afterAll(() => t.close());

const count = (points: { types: string[] }[], type: string) => points.filter((p) => p.types.includes(type)).length;

describe('import from OSM', () => {
  it("previews andorra's service points, then imports them with the engine's counts", async () => {
    const url = `/api/spaces/${spaceId}/service-points/import`;
    const preview = await upload(lead.client, `${url}?dryRun=true`, 'andorra.osm.pbf', andorra);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, format: 'osm', byType: { groceries: 17, fuel: 19, pharmacy: 3, post: 1, payment: 11 } });
    expect((await lead.client.get(`/api/spaces/${spaceId}/service-points`)).body.total).toBe(0);

    const imported = await upload(lead.client, url, 'andorra.osm.pbf', andorra);
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(preview.body.created);
    const points = await listServicePointsForAnalysis(t.deps.db, spaceId);
    expect({ groceries: count(points, 'groceries'), fuel: count(points, 'fuel'), pharmacy: count(points, 'pharmacy'), post: count(points, 'post'), payment: count(points, 'payment') }).toEqual({
      groceries: 17,
      fuel: 19,
      pharmacy: 3,
      post: 1,
      payment: 11,
    });
    // The README's example closes fuel station n2050272761: it is addressed by its OSM id.
    expect(points.find((p) => p.externalId === 'n2050272761')?.types).toEqual(['fuel']);
    const point = (await lead.client.get(`/api/spaces/${spaceId}/service-points?q=n2050272761`)).body.items[0];
    expect(point.sources.location).toMatch(/^OpenStreetMap/);
    expect((await lead.client.get(`/api/service-points/${point.id}/history`)).body[0].kind).toBe('imported');

    // Importing the same file again matches every point by its id and changes nothing.
    const again = await upload(lead.client, `${url}?dryRun=true`, 'andorra.osm.pbf', andorra);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
    expect(again.body.rows.every((r: { match: string }) => r.match === 'external_id')).toBe(true);
  });
});

describe('import from CSV', () => {
  let csvSpace: string;
  beforeAll(async () => {
    csvSpace = (await lead.client.post('/api/spaces', { name: 'CSV-import', kind: 'municipal', visibility: 'public', municipalityCodes: ['2039'] })).body.id;
    await lead.client.post(`/api/spaces/${csvSpace}/service-points`, { externalId: 'hand-1', name: 'ICA Nära Särna', lon: 13.1393, lat: 61.6925, kinds: ['groceries_full'], sources: { kinds: 'Besök' } });
  });

  it('reports every bad row in Swedish and changes nothing', async () => {
    const csv = 'id,type,lon,lat,name\nok-1,fuel,13.14,61.69,Macken\n,groceries,13.1,61.6,Utan id\nx-2,bakery,13.1,61.6,Bageri\nx-3,fuel,abc,61.6,Fel\nx-4,post,13.1,95,Nordpolen\n';
    const answer = await upload(lead.client, `/api/spaces/${csvSpace}/service-points/import`, 'punkter.csv', Buffer.from(csv));
    expect(answer.status).toBe(200);
    expect(answer.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6]);
    expect(answer.body.errors[0].message).toBe('Id saknas.');
    expect(answer.body.errors[1].message).toMatch(/^Okänd typ "bakery"/);
    expect(answer.body.errors[2].message).toBe('Ogiltig koordinat (lon abc, lat 61.6).');
    expect(answer.body.created).toBe(0);
    expect((await lead.client.get(`/api/spaces/${csvSpace}/service-points`)).body.total).toBe(1);
  });

  it('matches by distance and name, merges the engine file’s rows per id, and previews before it writes', async () => {
    const csv = 'id,type,lon,lat,name\nn1,groceries,13.1395,61.6926,ICA Nära\nn1,post,13.1395,61.6926,ICA Nära\nn2,fuel,13.2,61.7,Särna Bensin\n';
    const url = `/api/spaces/${csvSpace}/service-points/import`;
    const preview = await upload(lead.client, `${url}?dryRun=true`, 'punkter.csv', Buffer.from(csv));
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.rows).toMatchObject([
      { externalId: 'n1', action: 'update', match: 'distance_and_name', matchedName: 'ICA Nära Särna', kinds: ['groceries_full', 'post_agent'] },
      { externalId: 'n2', action: 'create', match: null },
    ]);
    expect(preview.body.rows[0].distanceMeters).toBeLessThan(20);
    expect((await lead.client.get(`/api/spaces/${csvSpace}/service-points`)).body.total).toBe(1);
    const done = await upload(lead.client, url, 'punkter.csv', Buffer.from(csv));
    expect(done.body).toMatchObject({ created: 1, updated: 1 });
    const list = (await lead.client.get(`/api/spaces/${csvSpace}/service-points`)).body.items;
    expect(list.map((p: { externalId: string; kinds: string[] }) => [p.externalId, p.kinds])).toEqual([
      ['hand-1', ['groceries_full', 'post_agent']],
      ['n2', ['fuel']],
    ]);
    // A new point gets the space's municipality it lies in, by the boundaries.
    expect(list[1].municipalityName).toBe('Älvdalen');
  });

  it('refuses what is not an import: no file, wrong field, the wrong role', async () => {
    const url = `/api/spaces/${csvSpace}/service-points/import`;
    const wrongField = await upload(lead.client, url, 'a.csv', Buffer.from('id,type,lon,lat\n'), 'bilaga');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.message).toBe('Bifoga en fil i fältet "file".');
    const json = await lead.client.post(url, { file: 'x' });
    expect(json.status).toBe(415);
    const columns = await upload(lead.client, url, 'a.csv', Buffer.from('namn,lon\nX,13\n'));
    expect(columns.status).toBe(400);
    expect(columns.body.error.fields.file).toBe('CSV-filen saknar kolumnerna: id, lat, type.');
    expect((await upload(member.client, `/api/spaces/${spaceId}/service-points/import`, 'a.csv', Buffer.from('id,type,lon,lat\n'))).status).toBe(403);
  });

  it('exports CSV that imports back unchanged, GeoJSON and the engine’s points file', async () => {
    const csv = await t.client().get(`/api/spaces/${csvSpace}/service-points/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,type,lon,lat,name,kinds,status,status_date,staffed,opening_hours,seasonal,operator,municipality_code,address');
    expect(lines[1]).toMatch(/^hand-1,groceries\|post,13\.1393,61\.6925,ICA Nära Särna,groceries_full\|post_agent,open,/);
    const back = await upload(lead.client, `/api/spaces/${csvSpace}/service-points/import?dryRun=true`, 'export.csv', Buffer.from(String(csv.body)));
    expect(back.body).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 2 });

    const geo = await t.client().get(`/api/spaces/${csvSpace}/service-points/export?format=geojson`);
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = geo.body;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point', coordinates: [13.1393, 61.6925] }, properties: { id: 'hand-1', types: ['groceries', 'post'] } });

    const engine = await t.client().get(`/api/spaces/${csvSpace}/service-points/export?format=engine-csv`);
    expect(String(engine.body).trim().split('\n')).toEqual(['id,type,lon,lat,name', 'hand-1,groceries,13.1393,61.6925,ICA Nära Särna', 'hand-1,post,13.1393,61.6925,ICA Nära Särna', 'n2,fuel,13.2,61.7,Särna Bensin']);
    expect((await t.client().get(`/api/spaces/${spaceId}/service-points/export`)).status).toBe(404);
  });
});
