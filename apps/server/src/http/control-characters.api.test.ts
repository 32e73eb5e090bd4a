import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { endpoint } from '@samhandling/contracts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type Client, type TestApp } from '../test/app.ts';
import { buildApp } from './app.ts';
import { defineRoute } from './route.ts';
import { allRoutes } from './routes.ts';

/**
 * A NUL byte or another control character never reaches the database: every route answers a clear,
 * translated 400 (issue 14 §1.3), anonymous routes too, in the body, the query and the path.
 */
let t: TestApp;
let lead: { client: Client; id: string };
let spaceId: string;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  spaceId = (
    await lead.client.post('/api/spaces', { name: 'Kontrolltecken', kind: 'project', visibility: 'public', municipalityCodes: ['2039'] })
  ).body.id;
  const startsAt = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(t.clock.now().getTime() + 7 * 86_400_000 + 3_600_000).toISOString();
  const event = await lead.client.post(`/api/spaces/${spaceId}/events`, { kind: 'village_forum', title: 'Byastämma', startsAt, endsAt });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventId = event.body.id;
});
afterAll(() => t.close());

async function rowCount(table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.deps.db);
  return row.rows[0]!.n;
}

describe('control characters', () => {
  it('answers 400 in Swedish for a NUL byte in the anonymous public input form and stores nothing', async () => {
    const before = await rowCount('inputs');
    const answer = await t
      .client()
      .post(`/api/spaces/${spaceId}/inputs`, { text: 'Ett inspel\u0000 med nolltecken', kind: 'idea', theme: 'transport' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid');
    expect(answer.body.error.fields.text).toBe('Texten innehåller otillåtna kontrolltecken.');
    expect(await rowCount('inputs')).toBe(before);
  });

  it('answers in English when asked, for registrations and board join', async () => {
    const en = t.client({ language: 'en' });
    const registration = await en.post(`/api/events/${eventId}/registrations`, { name: 'Anna\u0000', email: 'anna@example.org' });
    expect(registration.status).toBe(400);
    expect(registration.body.error.fields.name).toBe('The text contains control characters that are not allowed.');
    const join = await en.post('/api/boards/join', { code: 'AB\u0000CD1' });
    expect(join.status).toBe(400);
  });

  it('rejects control characters in the query string and in path parameters', async () => {
    const search = await t.client().get('/api/localities?q=%00');
    expect(search.status).toBe(400);
    expect(search.body.error.fields.q).toBe('Texten innehåller otillåtna kontrolltecken.');
    const bell = await t.client().get('/api/localities?q=Idre%07');
    expect(bell.status).toBe(400);
    const path = await t.client().get('/api/spaces/%00');
    expect(path.status).toBe(400);
  });

  it('allows tab and line breaks in multi-line text, not in a one-line name', async () => {
    const multi = await lead.client.patch(`/api/spaces/${spaceId}`, { description: 'Rad ett\nRad två\r\n\tindragen' });
    expect(multi.status, JSON.stringify(multi.body)).toBe(200);
    const name = await lead.client.patch(`/api/spaces/${spaceId}`, { name: 'Två\nrader' });
    expect(name.status).toBe(400);
    expect(name.body.error.fields.name).toBe('Får inte innehålla radbrytningar eller tabbar.');
    const title = await lead.client.patch(`/api/events/${eventId}`, { title: 'Möte\r\nX-INJECTED:1' });
    expect(title.status).toBe(400);
    // Other controls are refused in multi-line text too (DEL, escape, vertical tab).
    for (const bad of ['\u007f', '\u001b[31m', '\u000b']) {
      const answer = await lead.client.patch(`/api/spaces/${spaceId}`, { description: `Text ${bad}` });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('rejects control characters in multipart form fields and in imported CSV', async () => {
    const admin = (await t.user({ isAdmin: true })).client;
    const localities = await rowCount('localities');
    const csv = 'name;municipality_code;lon;lat\nSär\u0000na;2039;13.14;61.69\n';
    const answer = await admin.request('POST', '/api/localities/import?dryRun=false', csv, { 'content-type': 'text/csv' });
    expect(answer.status).toBe(400);
    expect(await rowCount('localities')).toBe(localities);
    // The same inside an uploaded file: the CSV reader refuses the row and says which.
    const points = await rowCount('service_points');
    const upload = multipartFile('punkter.csv', 'id;name;type;lon;lat\np1;Handlarn\u0007;grocery;13.1;61.6\n');
    const imported = await lead.client.request(
      'POST',
      `/api/spaces/${spaceId}/service-points/import?dryRun=false`,
      upload.body,
      upload.headers,
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(400);
    expect(imported.body.error.message).toBe('Rad 2 innehåller otillåtna kontrolltecken.');
    expect(await rowCount('service_points')).toBe(points);
    // A text field of a multipart form (a document's title).
    const boundary = '----kontrolltecken';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nProtokoll\u0000\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="protokoll.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
    );
    const document = await lead.client.request('POST', `/api/events/${eventId}/documents`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(document.status).toBe(400);
    expect(document.body.error.fields.title).toBe('Texten innehåller otillåtna kontrolltecken.');
    expect(await rowCount('event_documents')).toBe(0);
  });
});

describe('logs', () => {
  it('never carry SQL parameters, query strings or bodies, even for a failing query with personal data', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const failing = defineRoute(
      endpoint({
        method: 'POST',
        path: '/api/test-failing-query',
        access: 'public',
        summary: 'test',
        tags: ['test'],
        body: z.object({ name: z.string(), phone: z.string() }),
      }),
      {
        async handler({ body }) {
          // A query that fails inside the database with the person's data as parameters.
          await sql`select ${body.name}::int, ${body.phone}::uuid`.execute(t.deps.db);
        },
      },
    );
    const deps = { ...t.deps, config: { ...t.deps.config, logLevel: 'info' } };
    const app = await buildApp(deps, { routes: [...allRoutes(deps), failing], logger: true, logStream: stream });
    await app.ready();
    try {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/test-failing-query?email=lisa.persson%40example.org',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'Lisa Persson', phone: '070-123 45 67' }),
      });
      expect(answer.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(log).toContain(JSON.parse(answer.body).error.requestId);
      for (const secret of ['Lisa', 'Persson', '070-123', 'lisa.persson', 'example.org']) expect(log).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
