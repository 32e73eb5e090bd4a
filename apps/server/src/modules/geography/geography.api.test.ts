import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user({ isAdmin: true })).client;
});
afterAll(() => t.close());

describe('counties and municipalities', () => {
  it('lists the 21 counties with official codes and names', async () => {
    const answer = await t.client().get('/api/counties');
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(21);
    expect(answer.body).toContainEqual({ code: '25', name: 'Norrbottens län', shortName: 'Norrbotten' });
    expect(answer.body).toContainEqual({ code: '01', name: 'Stockholms län', shortName: 'Stockholm' });
  });

  it('lists the 290 municipalities with code, name and county, in Swedish alphabetical order', async () => {
    const answer = await t.client().get('/api/municipalities');
    expect(answer.body).toHaveLength(290);
    expect(answer.body).toContainEqual(expect.objectContaining({ code: '2422', name: 'Sorsele', countyCode: '24' }));
    expect(answer.body).toContainEqual(expect.objectContaining({ code: '2039', name: 'Älvdalen', countyCode: '20' }));
    const names: string[] = answer.body.map((m: { name: string }) => m.name);
    // å, ä, ö come after z in Swedish.
    expect(names.indexOf('Åsele')).toBeGreaterThan(names.indexOf('Ystad'));
    expect(names.indexOf('Älvdalen')).toBeGreaterThan(names.indexOf('Åsele'));
    expect(names.indexOf('Östersund')).toBeGreaterThan(names.indexOf('Älvdalen'));
    expect(names.at(-1)!.startsWith('Ö')).toBe(true);
  });

  it('filters municipalities by county', async () => {
    const answer = await t.client().get('/api/municipalities?county=25');
    expect(answer.body).toHaveLength(14);
    expect(answer.body.every((m: { countyCode: string }) => m.countyCode === '25')).toBe(true);
  });

  it('gives one municipality with its boundary as GeoJSON', async () => {
    const answer = await t.client().get('/api/municipalities/2422');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: '2422', name: 'Sorsele', countyCode: '24', countyName: 'Västerbottens län' });
    expect(answer.body.boundary.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(answer.body.boundary.geometry.type);
    const ring = answer.body.boundary.geometry.coordinates[0] as [number, number][];
    expect(ring.length).toBeGreaterThan(10);
    // Sorsele lies in inland Västerbotten.
    expect(ring.every(([lon, lat]) => lon > 14 && lon < 20 && lat > 64 && lat < 67)).toBe(true);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.client().get('/api/municipalities/9999')).status).toBe(404);
    const bad = await t.client().get('/api/municipalities/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.code).toBe('Kommunkoden ska vara fyra siffror.');
  });

  it('gives several boundaries as a FeatureCollection', async () => {
    const answer = await t.client().get('/api/municipalities/boundaries?codes=2506,2422,2463');
    expect(answer.body.type).toBe('FeatureCollection');
    expect(answer.body.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual(['2422', '2463', '2506']);
    expect((await t.client().get('/api/counties/boundaries')).body.features).toHaveLength(21);
  });
});

describe('localities', () => {
  it('lets an admin add, edit and remove a locality', async () => {
    const created = await admin.post('/api/localities', { name: 'Ammarnäs', municipalityCode: '2422', lon: 16.208, lat: 65.958, population: 200 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Ammarnäs', municipalityName: 'Sorsele', population: 200, allowedActions: ['update', 'delete'] });
    const edited = await admin.patch(`/api/localities/${created.body.id}`, { population: 210 });
    expect(edited.body.population).toBe(210);
    const publicView = await t.client().get(`/api/localities/${created.body.id}`);
    expect(publicView.body).toMatchObject({ population: 210, allowedActions: [] });
    const duplicate = await admin.post('/api/localities', { name: 'ammarnäs', municipalityCode: '2422', lon: 16.2, lat: 65.9 });
    expect(duplicate.status).toBe(409);
    expect((await admin.delete(`/api/localities/${created.body.id}`)).status).toBe(204);
    expect((await t.client().get(`/api/localities/${created.body.id}`)).status).toBe(404);
  });

  it('refuses localities outside Sweden and unknown municipalities, field by field', async () => {
    const answer = await admin.post('/api/localities', { name: 'Fel', municipalityCode: '2422', lon: 2.35, lat: 48.85 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({
      lon: 'Longituden ska ligga mellan 10 och 25 (Sverige).',
      lat: 'Latituden ska ligga mellan 55 och 70 (Sverige).',
    });
    const unknown = await admin.post('/api/localities', { name: 'Fel', municipalityCode: '9999', lon: 17, lat: 65 });
    expect(unknown.body.error.fields).toEqual({ municipalityCode: 'Okänd kommunkod.' });
  });

  it('is not editable by a non-admin (404, nothing changes)', async () => {
    const { client } = await t.user();
    expect((await client.post('/api/localities', { name: 'Smyg', municipalityCode: '2422', lon: 17, lat: 65 })).status).toBe(404);
    expect((await t.client().get('/api/localities?q=Smyg')).body).toHaveLength(0);
  });

  it('imports a CSV: the preview lists every bad row and changes nothing; a clean file is applied', async () => {
    const csv = [
      'namn;kommunkod;lon;lat;befolkning',
      'Gargnäs;2422;17,36;65,30;150',
      'Paris;2422;2,35;48,85;',
      'Okänd;9999;17;65;',
      'Gargnäs;2422;17,36;65,30;150',
      'Slagnäs;2506;18,17;65,58;',
    ].join('\n');
    const preview = await admin.request('POST', '/api/localities/import?dryRun=false', csv, { 'content-type': 'text/csv' });
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true); // bad rows: nothing applied even though dryRun=false
    expect(preview.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(preview.body.errors[0].message).toContain('Longituden');
    expect(preview.body.errors[1].message).toContain('Okänd kommunkod');
    expect(preview.body.errors[2].message).toBe('Samma post finns redan på rad 2.');
    expect((await t.client().get('/api/localities?q=Gargnäs')).body).toHaveLength(0);

    const clean = 'name,municipality_code,lon,lat,population\nGargnäs,2422,17.36,65.30,150\nSlagnäs,2506,18.17,65.58,\n';
    const dry = await admin.request('POST', '/api/localities/import?dryRun=true', clean, { 'content-type': 'text/csv' });
    expect(dry.body).toEqual({ dryRun: true, created: 2, updated: 0, errors: [] });
    expect((await t.client().get('/api/localities?q=Gargnäs')).body).toHaveLength(0);
    const applied = await admin.request('POST', '/api/localities/import?dryRun=false', clean, { 'content-type': 'text/csv' });
    expect(applied.body).toEqual({ dryRun: false, created: 2, updated: 0, errors: [] });
    const list = await t.client().get('/api/localities?municipality=2422');
    expect(list.body.map((l: { name: string }) => l.name)).toContain('Gargnäs');
    const again = await admin.request('POST', '/api/localities/import?dryRun=false', clean, { 'content-type': 'text/csv' });
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
  });

  it('reports missing columns', async () => {
    const answer = await admin.request('POST', '/api/localities/import', 'name,lon\nX,17\n', { 'content-type': 'text/csv' });
    expect(answer.body.errors).toEqual([{ line: 1, message: 'Kolumner saknas: municipalityCode, lat.' }]);
  });
});
