import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../test/app.ts';

/**
 * Uploads take exactly one file in the route's field: a file in another field, a second file and an
 * XML file declaring entities are refused with a clear 400 and nothing is kept (issue 14 §1.10).
 */
let t: TestApp;
let dataDir: string;
let lead: Client;
let spaceId: string;
let eventId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function form(parts: { field: string; fileName?: string; content: string | Buffer }[]) {
  const boundary = '----samhandlingupload';
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`,
    ),
    Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content),
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function count(table: 'event_documents' | 'service_points' | 'road_networks'): Promise<number> {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-upload-'));
  t = await createTestApp({ config: { dataDir } });
  lead = (await t.user()).client;
  spaceId = (await lead.post('/api/spaces', { name: 'Uppladdningar', kind: 'project', visibility: 'public', municipalityCodes: ['2039'] }))
    .body.id;
  const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  const endsAt = new Date(t.clock.now().getTime() + 90_000_000).toISOString();
  eventId = (await lead.post(`/api/spaces/${spaceId}/events`, { kind: 'workshop', title: 'Verkstad', startsAt, endsAt })).body.id;
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('uploads', () => {
  it('refuse a document in another field than "file"', async () => {
    const upload = form([{ field: 'bilaga', fileName: 'protokoll.pdf', content: PDF }]);
    const answer = await lead.request('POST', `/api/events/${eventId}/documents`, upload.body, upload.headers);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Bifoga en fil i fältet "file".');
    expect(await count('event_documents')).toBe(0);
  });

  it('refuse a second file, in the same or another field, and keep neither', async () => {
    for (const second of ['file', 'extra']) {
      const upload = form([
        { field: 'file', fileName: 'protokoll.pdf', content: PDF },
        { field: second, fileName: 'mer.pdf', content: PDF },
      ]);
      const answer = await lead.request('POST', `/api/events/${eventId}/documents`, upload.body, upload.headers);
      expect(answer.status, second).toBe(400);
      expect(answer.body.error.fields.file).toBe('Skicka bara en fil.');
    }
    expect(await count('event_documents')).toBe(0);
    expect(await readdir(dataDir, { recursive: true })).not.toContainEqual(expect.stringMatching(/\.pdf$/));
    const points = form([
      { field: 'file', fileName: 'a.csv', content: 'id,type,lon,lat\na,grocery,13.1,61.6\n' },
      { field: 'file', fileName: 'b.csv', content: 'id,type,lon,lat\nb,grocery,13.2,61.6\n' },
    ]);
    const imported = await lead.request('POST', `/api/spaces/${spaceId}/service-points/import?dryRun=false`, points.body, points.headers);
    expect(imported.status).toBe(400);
    expect(await count('service_points')).toBe(0);
  });

  it('still take one file in the right field, with its text fields', async () => {
    const upload = form([
      { field: 'kind', content: 'minutes' },
      { field: 'title', content: 'Protokoll 3 mars' },
      { field: 'file', fileName: 'protokoll.pdf', content: PDF },
    ]);
    const answer = await lead.request('POST', `/api/events/${eventId}/documents`, upload.body, upload.headers);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ kind: 'minutes', title: 'Protokoll 3 mars' });
  });
});

describe('OSM XML', () => {
  // Nested entities, small enough that the declaration and the <osm> root fit in the first bytes.
  const laughs = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE osm [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<osm version="0.6"><node id="1" lat="61.6" lon="13.1"><tag k="shop" v="supermarket"/><tag k="name" v="&c;"/></node></osm>',
  ].join('\n');

  it('refuses a road network with nested entity definitions (billion laughs) and keeps nothing', async () => {
    const upload = multipartFile('laughs.osm', laughs);
    const answer = await lead.request('POST', `/api/spaces/${spaceId}/networks/import`, upload.body, upload.headers);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.file).toEqual(expect.any(String));
    expect(await count('road_networks')).toBe(0);
  });

  it('refuses service points from such a file and never expands an entity', async () => {
    const upload = multipartFile('laughs.osm', laughs);
    const answer = await lead.request('POST', `/api/spaces/${spaceId}/service-points/import?dryRun=false`, upload.body, upload.headers);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toContain('lollol');
    expect(await count('service_points')).toBe(0);
  });
});

describe('import errors', () => {
  it('fill in every placeholder of their messages, in the message and in the field', async () => {
    const broken = await lead.request(
      'POST',
      `/api/spaces/${spaceId}/import/organisations?dryRun=false`,
      'name,sector\n"Byalaget,civil_society\n',
      { 'content-type': 'text/csv' },
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^Filen kunde inte läsas som CSV \(fel vid rad \d+\)/);
    expect(broken.body.error.fields.csv).toBe(broken.body.error.message);
    const population = multipartFile('origins.csv', 'id,lon,lat,population\na,13.1,61.6,12\na,13.2,61.6,5\n');
    const answer = await lead.request('POST', `/api/spaces/${spaceId}/population/import`, population.body, population.headers);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.file).toMatch(/^Rad 3: id a \(2\)$/);
    expect(JSON.stringify(answer.body)).not.toMatch(/\{(line|reason)\}/);
  });
});
