import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type Client, type TestApp } from '../../test/app.ts';
import { MAX_DOCUMENT_BYTES } from './event-document/event-document.service.ts';

let t: TestApp;
let dataDir: string;
let lead: { client: Client; id: string };
let observer: { client: Client; id: string };
let spaceId: string;
let eventId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-docs-'));
  t = await createTestApp({ config: { dataDir } });
  lead = await t.user({ name: 'Processledare' });
  observer = await t.user({ name: 'Observatör' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'SÖK Samverkan', kind: 'project', visibility: 'members' })).body.id;
  await t.deps.db
    .insertInto('memberships')
    .values({ space_id: spaceId, user_id: observer.id, role: 'observer', created_at: t.clock.now() })
    .execute();
  const start = new Date(t.clock.now().getTime() + 86_400_000);
  const created = await lead.client.post(`/api/spaces/${spaceId}/events`, {
    kind: 'knowledge_dialogue',
    title: 'Kunskapsdialog',
    public: true,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    placeName: 'Kommunhuset',
    onlineUrl: 'https://meet.example.org/dialog',
    capacity: 5,
  });
  expect(created.status).toBe(201);
  eventId = created.body.id;
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The check-in URL as the QR in the confirmation mail holds it. */
async function checkInUrlFromMail(email: string): Promise<URL> {
  const [mail] = await t.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('subject', 'like', 'Anmälan bekräftad%')
    .execute()
    .then((rows) => rows.filter((r) => r.recipients.includes(email)));
  const png = mail!.attachments.find((a) => a.contentType === 'image/png');
  expect(png).toBeDefined();
  const registration = await t.deps.db.selectFrom('registrations').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  // The PNG is a QR of the check-in URL; the same URL rendered again gives the same image.
  const ownView = await lead.client.get(`/api/registrations/${registration.id}`);
  expect(ownView.status).toBe(200);
  const match = /\/check-in\/([0-9a-f-]+)#code=([A-Za-z0-9_-]+)/.exec(
    decodeURIComponent(mail!.text + ' ' + (await svgUrl(ownView.body.checkInQrSvg, registration.id))),
  );
  return new URL(`${ORIGIN}/check-in/${match![1]}#code=${match![2]}`);
}
async function svgUrl(_svg: string, registrationId: string): Promise<string> {
  const code = (await import('../../platform/secrets.ts')).hashToken(t.deps.config.sessionSecret, `check-in:${registrationId}`);
  const url = `${ORIGIN}/check-in/${registrationId}#code=${code}`;
  expect(await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })).toBe(_svg);
  return url;
}

describe('attendance', () => {
  it('checks in by the QR code, marks by hand and counts by sector, age group and mode', async () => {
    const people = [
      { name: 'Kommunal', email: 'k@example.org', sector: 'public', ageGroup: '26_64', mode: 'on_site' },
      { name: 'Företagare', email: 'f@example.org', sector: 'private', ageGroup: '26_64', mode: 'on_site' },
      { name: 'Ung', email: 'u@example.org', sector: 'civil_society', ageGroup: '16_25', mode: 'online' },
      { name: 'Okänd', email: 'o@example.org', mode: 'online' },
    ];
    const ids: string[] = [];
    for (const p of people) {
      const answer = await t.client().post(`/api/events/${eventId}/registrations`, p);
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    const url = await checkInUrlFromMail('k@example.org');
    const code = url.hash.slice('#code='.length);
    const registrationId = url.pathname.split('/').pop()!;
    expect(registrationId).toBe(ids[0]);
    expect((await t.client().post(`/api/registrations/${registrationId}/check-in`, { code })).status).toBe(401);
    expect((await observer.client.post(`/api/registrations/${registrationId}/check-in`, { code })).status).toBe(403);
    const wrong = await lead.client.post(`/api/registrations/${registrationId}/check-in`, { code: 'x'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect((await lead.client.post(`/api/registrations/${ids[1]}/check-in`, { code })).status).toBe(400);
    const first = await lead.client.post(`/api/registrations/${registrationId}/check-in`, { code });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ alreadyCheckedIn: false, registration: { checkInMethod: 'qr', name: 'Kommunal' } });
    const second = await lead.client.post(`/api/registrations/${registrationId}/check-in`, { code });
    expect(second.body.alreadyCheckedIn).toBe(true);
    expect((await lead.client.patch(`/api/registrations/${ids[2]}`, { attended: true })).body.checkInMethod).toBe('manual');
    expect((await lead.client.patch(`/api/registrations/${ids[3]}`, { attended: true })).status).toBe(200);
    expect((await lead.client.patch(`/api/registrations/${ids[3]}`, { attended: false })).body.checkedInAt).toBeNull();
    const stats = await observer.client.get(`/api/events/${eventId}/statistics`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      registered: 4,
      attended: 2,
      bySector: {
        public: { registered: 1, attended: 1 },
        private: { registered: 1, attended: 0 },
        civil_society: { registered: 1, attended: 1 },
        unknown: { registered: 1, attended: 0 },
      },
      byAgeGroup: {
        '26_64': { registered: 2, attended: 1 },
        '16_25': { registered: 1, attended: 1 },
        unknown: { registered: 1, attended: 0 },
      },
      byMode: { on_site: { registered: 2, attended: 1 }, online: { registered: 2, attended: 1 } },
      sectorsPresent: 2,
    });
    const list = await lead.client.get(`/api/events/${eventId}/registrations`);
    expect(
      list.body
        .filter((r: { checkedInAt: string | null }) => r.checkedInAt)
        .map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['Kommunal', 'Ung']);
    expect((await observer.client.get(`/api/events/${eventId}/registrations`)).status).toBe(403);
  });
});

async function upload(client: Client, content: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/documents`,
    headers: { 'content-type': request.headers.get('content-type')!, origin: ORIGIN, ...(client.cookie ? { cookie: client.cookie } : {}) },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('documents', () => {
  it('stores a PDF under a generated name and serves it as an attachment', async () => {
    const answer = await upload(lead.client, pdf, 'Minnesanteckningar 12 mars.pdf', { kind: 'minutes', title: 'Minnesanteckningar' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({
      kind: 'minutes',
      title: 'Minnesanteckningar',
      contentType: 'application/pdf',
      size: pdf.length,
      fileName: 'Minnesanteckningar 12 mars.pdf',
    });
    const stored = await readdir(path.join(dataDir, 'uploads', 'events'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{32}\.pdf$/);
    const listed = await observer.client.get(`/api/events/${eventId}/documents`);
    expect(listed.body.map((d: { id: string }) => d.id)).toEqual([answer.body.id]);
    expect(listed.body[0].allowedActions).toEqual(['download']);
    const download = await observer.client.get(`/api/events/${eventId}/documents/${answer.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(download.body).toBe(pdf.toString());
    await lead.client.patch(`/api/events/${eventId}`, { public: false });
    expect((await t.client().get(`/api/events/${eventId}/documents/${answer.body.id}`)).status).toBe(404);
    await lead.client.patch(`/api/events/${eventId}`, { public: true });
    expect((await t.client().get(`/api/events/${eventId}/documents/${answer.body.id}`)).status).toBe(200);
    expect((await observer.client.delete(`/api/events/${eventId}/documents/${answer.body.id}`)).status).toBe(403);
    expect((await lead.client.delete(`/api/events/${eventId}/documents/${answer.body.id}`)).status).toBe(204);
    expect(await readdir(path.join(dataDir, 'uploads', 'events'))).toHaveLength(0);
  });

  it('checks the type by content: HTML named .pdf is refused with 415, a PNG named .pdf is kept as PNG', async () => {
    const html = await upload(lead.client, Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'rapport.pdf');
    expect(html.status).toBe(415);
    expect(html.body.error.message).toContain('Filtypen är inte tillåten');
    const png = await QRCode.toBuffer('https://example.org', { type: 'png' });
    const image = await upload(lead.client, png, 'bild.pdf');
    expect(image.status).toBe(201);
    expect(image.body).toMatchObject({ contentType: 'image/png', fileName: 'bild.png' });
    await lead.client.delete(`/api/events/${eventId}/documents/${image.body.id}`);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - pdf.length, 0x20)]);
    const answer = await upload(lead.client, big, 'stor.pdf');
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe('Filen är för stor (högst 20 MB).');
    expect(await readdir(path.join(dataDir, 'uploads', 'events'))).toHaveLength(0);
    expect(await t.deps.db.selectFrom('event_documents').selectAll().execute()).toHaveLength(0);
  });

  it('lets only leaders upload and asks for a file', async () => {
    expect((await upload(observer.client, pdf, 'a.pdf')).status).toBe(403);
    expect((await upload(t.client(), pdf, 'a.pdf')).status).toBe(401);
    const empty = await upload(lead.client, Buffer.alloc(0), 'tom.pdf');
    expect(empty.status).toBe(400);
  });
});
