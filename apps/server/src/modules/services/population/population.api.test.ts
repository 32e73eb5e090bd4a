import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../../../test/app.ts';

const ANDORRA = fileURLToPath(new URL('../../../../../../packages/engine/test/fixtures/andorra.osm.pbf', import.meta.url));

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let spaceId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { dataDir: mkdtempSync(path.join(tmpdir(), 'samhandling-pop-')) } });
  lead = await t.user({ name: 'Processledare' });
  member = await t.user({ name: 'Medlem' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Service i Arjeplog', kind: 'municipal', visibility: 'members', municipalityCodes: ['2506', '0180'] })).body.id;
  await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: new Date() }).execute();
});
afterAll(() => t.close());

const upload = (client: Client, url: string, fileName: string, content: string | Buffer) => {
  const { body, headers } = multipartFile(fileName, content);
  return client.request('POST', url, body, headers);
};

describe('population import', () => {
  it('reads an origins CSV and places each origin in its municipality by the shipped boundaries', async () => {
    const csv = 'id,lon,lat,population,name\nby-1,17.89,66.05,120,Arjeplog\nby-2,18.07,59.33,4000,Stockholm\nby-3,17.9,66.06,0,Tom\n';
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/population/import`, 'byar.csv', csv);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'origins', origins: 3, population: 4120, fileName: 'byar.csv', hasAge: false });
    const byCode = Object.fromEntries(answer.body.byMunicipality.map((m: { code: string; population: number }) => [m.code, m.population]));
    expect(byCode).toEqual({ '2506': 120, '0180': 4000 });
  });

  it('reads the SCB grid as CSV with sex and age bands: 65+ and under 20 per municipality', async () => {
    const header = 'rutid_scb;rutstorl;beftotalt;man;kvinna;ald0_4;ald5_9;ald10_14;ald15_19;ald20_24;ald25_44;ald45_64;ald65_79;ald80w;referenstid';
    const rows = ['6300007328000;1000;50;26;24;2;3;4;5;6;10;10;7;3;2024-12-31', '6740006580000;1000;1000;500;500;50;50;50;50;100;300;200;150;50;2024-12-31', '6310007328000;1000;0;0;0;0;0;0;0;0;0;0;0;0;2024-12-31'];
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/population/import`, 'grid.csv', [header, ...rows].join('\n'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'grid', year: 2024, origins: 2, population: 1050, hasAge: true });
    const arjeplog = answer.body.byMunicipality.find((m: { code: string }) => m.code === '2506');
    expect(arjeplog).toEqual({ code: '2506', population: 50, origins: 1, age65Plus: 10, under20: 14 });
    const stockholm = answer.body.byMunicipality.find((m: { code: string }) => m.code === '0180');
    expect(stockholm).toMatchObject({ population: 1000, age65Plus: 200, under20: 200 });
  });

  it('reads the SCB grid as a GeoPackage (layer befolkning_1km_YYYY)', async () => {
    const require = createRequire(import.meta.url);
    const SQL = await initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
    const db = new SQL.Database();
    db.run("CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT); INSERT INTO gpkg_contents VALUES ('befolkning_1km_2025', 'features');");
    db.run('CREATE TABLE befolkning_1km_2025 (fid INTEGER PRIMARY KEY, rutid_scb TEXT, rutstorl INTEGER, beftotalt INTEGER, man INTEGER, kvinna INTEGER, ald0_4 INTEGER, ald5_14 INTEGER, ald15_64 INTEGER, ald65w INTEGER)');
    db.run("INSERT INTO befolkning_1km_2025 VALUES (1, '6300007328000', 1000, 40, 20, 20, 5, 5, 20, 10), (2, '6300007329000', 1000, 8, 4, 4, 0, 1, 5, 2)");
    const file = Buffer.from(db.export());
    db.close();
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/population/import`, 'befolkning.gpkg', file);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'grid', year: 2025, origins: 2, population: 48, hasAge: true });
    // ald15_64 straddles 20: under-20 cannot be told from this file, 65+ can.
    expect(answer.body.byMunicipality).toEqual([{ code: '2506', population: 48, origins: 2, age65Plus: 12, under20: null }]);
  });

  it('turns the localities with a population into origins', async () => {
    const admin = await t.user({ isAdmin: true });
    expect((await admin.client.post('/api/localities', { name: 'Mellanström', municipalityCode: '2506', lon: 18.1, lat: 65.9, population: 30 })).status).toBe(201);
    expect((await admin.client.post('/api/localities', { name: 'Utan siffra', municipalityCode: '2506', lon: 18.2, lat: 65.9 })).status).toBe(201);
    const answer = await lead.client.post(`/api/spaces/${spaceId}/population/localities`, {});
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'localities', origins: 1, population: 30 });
    const list = await member.client.get(`/api/spaces/${spaceId}/population`);
    expect(list.body.map((p: { kind: string }) => p.kind).sort()).toEqual(['grid', 'grid', 'localities', 'origins']);
    expect(list.body[0].allowedActions).toEqual(['view']);
    expect((await lead.client.get(`/api/spaces/${spaceId}/population`)).body[0].allowedActions).toEqual(['view', 'use']);
  });

  it('refuses bad files with a Swedish message and stores nothing', async () => {
    const before = (await lead.client.get(`/api/spaces/${spaceId}/population`)).body.length;
    const cases: [string, string | Buffer, string][] = [
      ['bad.csv', 'namn,antal\nA,1\n', 'Okänt filformat'],
      ['bad.csv', 'id,lon,lat,population\na,17,66,5\nb,x,66,5\n', 'Rad 3: lon/lat'],
      ['dup.csv', 'id,lon,lat,population\na,17,66,5\na,17,66,5\n', 'Rad 3: id a (2)'],
      ['grid.csv', 'rutid_scb,beftotalt\n123,5\n', 'Rad 2: rutid_scb'],
      ['empty.csv', 'id,lon,lat,population\na,17,66,0\n', 'ingen befolkning'],
      ['x.gpkg', Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(100, 7)]), 'kunde inte läsas'],
      ['bin.dat', Buffer.from([0, 1, 2, 3, 0, 255]), 'Okänt filformat'],
    ];
    for (const [name, content, message] of cases) {
      const answer = await upload(lead.client, `/api/spaces/${spaceId}/population/import`, name, content);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.message, name).toContain(message);
    }
    const noFile = await lead.client.request('POST', `/api/spaces/${spaceId}/population/import`, 'id,lon,lat\n', { 'content-type': 'text/csv' });
    expect(noFile.status).toBe(415);
    expect((await lead.client.get(`/api/spaces/${spaceId}/population`)).body.length).toBe(before);
  });

  it('lets only those who lead the space import', async () => {
    const answer = await upload(member.client, `/api/spaces/${spaceId}/population/import`, 'a.csv', 'id,lon,lat\na,17,66\n');
    expect(answer.status).toBe(403);
    const outsider = await t.user();
    expect((await upload(outsider.client, `/api/spaces/${spaceId}/population/import`, 'a.csv', 'id,lon,lat\na,17,66\n')).status).toBe(404);
  });
});

describe('road network import', () => {
  it('stores an OSM PBF and builds its graph as a job, cached on disk', async () => {
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/networks/import?name=Andorra`, 'andorra.osm.pbf', readFileSync(ANDORRA));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ name: 'Andorra', fileName: 'andorra.osm.pbf', bytes: readFileSync(ANDORRA).length });
    expect(['queued', 'running', 'done']).toContain(answer.body.status);
    await t.deps.jobs.idle();
    const [network] = (await member.client.get(`/api/spaces/${spaceId}/networks`)).body;
    expect(network).toMatchObject({ id: answer.body.id, status: 'done', error: null });
    expect(network.nodes).toBeGreaterThan(1000);
    expect(network.edges).toBeGreaterThan(network.nodes);
    expect(readFileSync(path.join(t.deps.config.dataDir, 'networks', `${network.id}.graph`)).subarray(0, 8).toString()).toBe('SAMGRAPH');
  });

  it('also takes OSM XML', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="1" lat="66.050" lon="17.880"/><node id="2" lat="66.055" lon="17.890"/><node id="3" lat="66.060" lon="17.900"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
</osm>`;
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/networks/import`, 'byvagar.osm', xml);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    await t.deps.jobs.idle();
    const built = (await lead.client.get(`/api/spaces/${spaceId}/networks`)).body.find((n: { id: string }) => n.id === answer.body.id);
    expect(built).toMatchObject({ status: 'done', nodes: 2 });
  });

  it('refuses a file that is not OSM PBF and keeps nothing', async () => {
    const before = (await lead.client.get(`/api/spaces/${spaceId}/networks`)).body.length;
    const answer = await upload(lead.client, `/api/spaces/${spaceId}/networks/import`, 'roads.pbf', 'id,lon,lat\n1,2,3\n'.repeat(10));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Filen är inte en OpenStreetMap-fil (PBF eller XML) som går att läsa.');
    expect((await lead.client.get(`/api/spaces/${spaceId}/networks`)).body.length).toBe(before);
    expect((await upload(member.client, `/api/spaces/${spaceId}/networks/import`, 'andorra.osm.pbf', readFileSync(ANDORRA))).status).toBe(403);
  });
});
