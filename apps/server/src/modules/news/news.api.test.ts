import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type TestApp } from '../../test/app.ts';
import { buildMembership, buildSignedInUser, buildSpace, signedIn, type BuiltUser } from '../../test/factories.ts';
import type { Client } from '../../test/app.ts';
import { DAILY_DIGEST_JOB, WEEKLY_DIGEST_JOB } from '../notifications/digest/digest.service.ts';

/** News (Aktuellt), follows, notification choices, digests and one-click unsubscribe (issue 12 §4–5). */
let t: TestApp;
let leader: BuiltUser & { client: Client };
let member: BuiltUser & { client: Client };
let outsider: BuiltUser & { client: Client };
let spaceId: string;
let closedSpaceId: string;
const DAY = 86_400_000;

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'samhandling-news-'));
  t = await createTestApp({ config: { dataDir } });
  leader = await buildSignedInUser(t, { name: 'Lena Ledare' });
  member = await buildSignedInUser(t, { name: 'Mats Medlem' });
  outsider = await buildSignedInUser(t, { name: 'Olle Utanför' });
  spaceId = (await buildSpace(t, { name: 'TALKO Lappland', members: [{ user: leader, role: 'facilitator' }, { user: member, role: 'member' }] })).id;
  closedSpaceId = (await buildSpace(t, { name: 'Slutet rum', visibility: 'members', members: [{ user: leader, role: 'space_admin' }] })).id;
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const outbox = async (email: string) =>
  (await t.deps.db.selectFrom('outbox').select(['subject', 'text', 'recipients', 'headers', 'created_at']).orderBy('created_at').orderBy('id').execute()).filter((r) => r.recipients.includes(email));
const linkToken = (text: string, path: string) => {
  const match = new RegExp(`${path}#token=([A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};
const post = async (client: Client, space: string, body: Record<string, unknown>) => {
  const answer = await client.post(`/api/spaces/${space}/posts`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; allowedActions: string[] };
};

describe('news posts', () => {
  let publicId: string;
  let membersId: string;
  let pinnedId: string;
  beforeAll(async () => {
    publicId = (await post(leader.client, spaceId, { title: 'Uppstart i Pajala', body: 'Välkomna till uppstarten.\n\nVi ses i Folkets hus.' })).id;
    t.clock.advance(60_000);
    membersId = (await post(leader.client, spaceId, { title: 'Internt: budget', body: 'Bara för medlemmar.', visibility: 'members' })).id;
    t.clock.advance(60_000);
    t.clock.advance(-120_000 - 60_000); // written earlier, but pinned
    pinnedId = (await post(leader.client, spaceId, { title: 'Viktigt: enkäten', body: 'Svara senast fredag.', pinned: true })).id;
    t.clock.advance(180_000);
  });

  it('lists pinned first, then newest; members-only posts only for members', async () => {
    const forMember = (await member.client.get(`/api/spaces/${spaceId}/posts`)).body as { id: string }[];
    expect(forMember.map((p) => p.id)).toEqual([pinnedId, membersId, publicId]);
    const forPublic = (await t.client().get(`/api/spaces/${spaceId}/posts`)).body as { id: string }[];
    expect(forPublic.map((p) => p.id)).toEqual([pinnedId, publicId]);
    expect((await outsider.client.get(`/api/posts/${membersId}`)).status).toBe(404);
    expect((await member.client.get(`/api/posts/${membersId}`)).status).toBe(200);
  });

  it('only the space leaders write; others are refused and nothing is stored', async () => {
    expect((await member.client.post(`/api/spaces/${spaceId}/posts`, { title: 'Hej', body: 'Text' })).status).toBe(403);
    expect((await t.client().post(`/api/spaces/${spaceId}/posts`, { title: 'Hej', body: 'Text' })).status).toBe(401);
    expect((await member.client.patch(`/api/posts/${publicId}`, { pinned: true })).status).toBe(403);
    const bad = await leader.client.post(`/api/spaces/${spaceId}/posts`, { title: '', body: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['title', 'body']));
    expect((await t.client().get(`/api/spaces/${spaceId}/posts`)).body).toHaveLength(2);
    const pinned = await leader.client.patch(`/api/posts/${publicId}`, { pinned: true });
    expect(pinned.body.pinned).toBe(true);
    await leader.client.patch(`/api/posts/${publicId}`, { pinned: false });
  });

  it('the combined news holds public posts of public spaces, and a member’s own spaces', async () => {
    await post(leader.client, closedSpaceId, { title: 'Hemligt rum', body: 'Inte för alla.' });
    const anonymous = ((await t.client().get('/api/news')).body as { title: string }[]).map((p) => p.title);
    expect(anonymous).toContain('Uppstart i Pajala');
    expect(anonymous).not.toContain('Internt: budget');
    expect(anonymous).not.toContain('Hemligt rum');
    const mine = ((await leader.client.get('/api/news')).body as { title: string }[]).map((p) => p.title);
    expect(mine).toEqual(expect.arrayContaining(['Hemligt rum', 'Internt: budget']));
  });

  it('publishes a valid Atom feed of the public posts only', async () => {
    await post(leader.client, spaceId, { title: 'Möte <om> "service" & butik', body: 'Rad 1 & rad 2 <b>inte html</b>' });
    const answer = await t.client().get(`/api/spaces/${spaceId}/feed.atom`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/atom+xml');
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: { error: (message: string) => void errors.push(message), fatalError: (message: string) => void errors.push(message) } }).parseFromString(String(answer.body), 'application/xml');
    expect(errors).toEqual([]);
    const ATOM = 'http://www.w3.org/2005/Atom';
    const feed = doc.documentElement!;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    const child = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM);
    // RFC 4287 §4.1.1: a feed has exactly one id, title and updated, an author, and a self link.
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name)).toHaveLength(1);
    expect(child(feed, 'link').some((l) => l.getAttribute('rel') === 'self')).toBe(true);
    const entries = child(feed, 'entry');
    expect(entries).toHaveLength(3);
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) expect(child(entry, name)).toHaveLength(1);
      expect(child(entry, 'updated')[0]!.textContent).toMatch(iso);
      expect(child(entry, 'id')[0]!.textContent).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    }
    const titles = entries.map((e) => child(e, 'title')[0]!.textContent);
    expect(titles).toContain('Möte <om> "service" & butik');
    expect(titles).not.toContain('Internt: budget');
    expect(new Set(entries.map((e) => child(e, 'id')[0]!.textContent)).size).toBe(3);
    // A members-only space has no public feed.
    expect((await leader.client.get(`/api/spaces/${closedSpaceId}/feed.atom`)).status).toBe(404);
  });
});

describe('follows and e-mailing a post', () => {
  it('follows by account and by a confirmed address; a post is e-mailed once, with unsubscribe headers', async () => {
    const follower = await buildSignedInUser(t, { name: 'Fia Följare' });
    const answer = await follower.client.post('/api/follows', { kind: 'space', id: spaceId });
    expect(answer.status).toBe(201);
    expect(answer.body.follow).toMatchObject({ kind: 'space', targetId: spaceId, label: 'TALKO Lappland', confirmed: true });
    // Following twice is one follow.
    expect((await follower.client.post('/api/follows', { kind: 'space', id: spaceId })).body.follow.id).toBe(answer.body.follow.id);
    expect((await follower.client.get('/api/me/follows')).body).toHaveLength(1);
    // Someone else cannot end it.
    expect((await outsider.client.delete(`/api/follows/${answer.body.follow.id}`)).status).toBe(404);

    // Without an account: double opt-in.
    const villager = 'bybo@example.org';
    const anon = t.client();
    const requested = await anon.post('/api/follows', { kind: 'space', id: spaceId, email: villager });
    expect(requested.status).toBe(201);
    expect(requested.body).toEqual({ follow: null, confirmationSent: true });
    expect((await anon.post('/api/follows', { kind: 'space', id: closedSpaceId, email: villager })).status).toBe(404);
    expect((await anon.post('/api/follows', { kind: 'space', id: spaceId })).status).toBe(400);
    const [confirmMail] = await outbox(villager);
    const confirmToken = linkToken(confirmMail!.text, '/follow/confirm');

    // Before the address confirms, a post does not reach it.
    const first = await post(leader.client, spaceId, { title: 'Första utskicket', body: 'Hej alla följare.' });
    expect(first.allowedActions).toContain('email_followers');
    const sent = await leader.client.post(`/api/posts/${first.id}/email`);
    expect(sent.body).toEqual({ mailed: 1, digested: 0 });
    expect((await outbox(villager)).filter((m) => m.subject.includes('Första utskicket'))).toHaveLength(0);
    // Once only.
    expect((await leader.client.post(`/api/posts/${first.id}/email`)).body).toEqual({ mailed: 0, digested: 0 });
    expect((await member.client.post(`/api/posts/${first.id}/email`)).status).toBe(403);

    expect((await anon.post('/api/follows/confirm', { token: `${confirmToken}x` })).status).toBe(400);
    const confirmed = await anon.post('/api/follows/confirm', { token: confirmToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmed).toBe(true);

    const second = await post(leader.client, spaceId, { title: 'Andra utskicket', body: 'Nu med bybon.' });
    expect((await leader.client.post(`/api/posts/${second.id}/email`)).body).toEqual({ mailed: 2, digested: 0 });
    const [mail] = (await outbox(villager)).filter((m) => m.subject.includes('Andra utskicket'));
    expect(mail!.text).toContain('Nu med bybon.');
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[A-Za-z0-9_.-]+>$/);

    // One click from the mail program (RFC 8058), without signing in: the follow ends.
    const oneClick = mail!.headers['List-Unsubscribe']!.slice(1, -1).replace('http://localhost:3000', '');
    const clicked = await t.client({ origin: null }).request('POST', oneClick, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(clicked.status, JSON.stringify(clicked.body)).toBe(200);
    expect(clicked.body.scope).toBe('follow');
    const third = await post(leader.client, spaceId, { title: 'Tredje utskicket', body: 'Utan bybon.' });
    expect((await leader.client.post(`/api/posts/${third.id}/email`)).body).toEqual({ mailed: 1, digested: 0 });
    expect((await outbox(villager)).filter((m) => m.subject.includes('Tredje'))).toHaveLength(0);

    // A members-only post reaches only followers who are members.
    const internal = await post(leader.client, spaceId, { title: 'Internt utskick', body: 'Bara medlemmar.', visibility: 'members' });
    expect((await leader.client.post(`/api/posts/${internal.id}/email`)).body).toEqual({ mailed: 0, digested: 0 });

    await follower.client.delete(`/api/follows/${answer.body.follow.id}`);
    expect((await follower.client.get('/api/me/follows')).body).toHaveLength(0);
  });

  it('the public follow form cannot flood an inbox: a few confirmations per address and per client an hour', async () => {
    const target = 'grannen@example.org';
    const mails = async () => (await outbox(target)).length;
    for (let i = 0; i < 3; i++) expect((await t.client({ ip: `10.9.0.${i + 1}` }).post('/api/follows', { kind: 'space', id: spaceId, email: target })).status).toBe(201);
    const refused = await t.client({ ip: '10.9.0.9' }).post('/api/follows', { kind: 'space', id: spaceId, email: 'Grannen@example.org' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Flera bekräftelser har redan skickats .* försök igen om \d+ sekunder\.$/);
    expect(await mails()).toBe(3);
    // One client, many addresses: ten, then refused.
    const client = t.client({ ip: '10.9.1.1' });
    for (let i = 0; i < 10; i++) expect((await client.post('/api/follows', { kind: 'space', id: spaceId, email: `granne${i}@example.org` })).status).toBe(201);
    expect((await client.post('/api/follows', { kind: 'space', id: spaceId, email: 'granne10@example.org' })).status).toBe(429);
    expect(await outbox('granne10@example.org')).toHaveLength(0);
    // The refusal says when the address may ask again: within the hour.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('a signed-in user follows an input and hears of its status changes', async () => {
    const fan = await buildSignedInUser(t);
    const input = await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: 'Vi behöver en laddstolpe i byn', kind: 'need', theme: 'transport' });
    expect(input.status).toBe(201);
    expect((await fan.client.post('/api/follows', { kind: 'input', id: input.body.id })).status).toBe(201);
    expect((await t.client().post('/api/follows', { kind: 'input', id: input.body.id, email: 'x@example.org' })).status).toBe(401);
    expect((await leader.client.patch(`/api/inputs/${input.body.id}`, { status: 'being_assessed' })).status).toBe(200);
    const mails = await outbox(fan.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`#${input.body.number}`);
  });
});

describe('notification choices and digests', () => {
  it('PATCH /api/me saves the choices; the defaults stand for the rest', async () => {
    const person = await buildSignedInUser(t);
    expect((await person.client.get('/api/me')).body.user.notifications).toEqual({ new_input: 'daily', new_suggestion: 'immediate', news: 'immediate', input_update: 'immediate' });
    const answer = await person.client.patch('/api/me', { notifications: { news: 'weekly', new_input: 'none' } });
    expect(answer.status).toBe(200);
    expect(answer.body.user.notifications).toMatchObject({ news: 'weekly', new_input: 'none', input_update: 'immediate' });
    expect((await person.client.patch('/api/me', { notifications: { news: 'hourly' } })).status).toBe(400);
  });

  it('a daily digest holds exactly the inputs since the last one, once; "immediate" mails at once; "none" nothing', async () => {
    const dailyLeader = await buildSignedInUser(t, { name: 'Daglig' });
    const quickLeader = await buildSignedInUser(t, { name: 'Snabb' });
    const quietLeader = await buildSignedInUser(t, { name: 'Tyst' });
    const space = (await buildSpace(t, { name: 'Service i samverkan', members: [{ user: dailyLeader, role: 'facilitator' }, { user: quickLeader, role: 'space_admin' }] })).id;
    await buildMembership(t, space, quietLeader, 'facilitator');
    await quickLeader.client.patch('/api/me', { notifications: { new_input: 'immediate' } });
    await quietLeader.client.patch('/api/me', { notifications: { new_input: 'none' } });
    const submit = (text: string) => t.client().post(`/api/spaces/${space}/inputs`, { text, kind: 'idea' });
    const digests = async () => (await outbox(dailyLeader.email)).filter((m) => m.subject.includes('sammanfattning'));

    // Clear anything another test left for today's digest, so this test's days are its own.
    t.clock.advance(DAY);
    await t.deps.jobs.runSchedules(t.clock.now(), [DAILY_DIGEST_JOB]);
    await t.deps.jobs.idle();

    await submit('Ett första inspel om bussen');
    await submit('Ett andra inspel om butiken');
    expect(await outbox(quickLeader.email)).toHaveLength(2);
    expect(await outbox(quietLeader.email)).toHaveLength(0);
    expect(await digests()).toHaveLength(0);

    t.clock.advance(DAY);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [DAILY_DIGEST_JOB])).toHaveLength(1);
    expect(await t.deps.jobs.runSchedules(t.clock.now(), [DAILY_DIGEST_JOB])).toHaveLength(0);
    await t.deps.jobs.idle();
    let sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Ett första inspel');
    expect(sent[0]!.text).toContain('Ett andra inspel');
    expect(sent[0]!.headers['List-Unsubscribe']).toBeDefined();

    await submit('Ett tredje inspel om posten');
    t.clock.advance(DAY);
    await t.deps.jobs.runSchedules(t.clock.now(), [DAILY_DIGEST_JOB]);
    await t.deps.jobs.idle();
    sent = await digests();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toContain('Ett tredje inspel');
    expect(sent[1]!.text).not.toContain('Ett första inspel');
    expect(sent[1]!.text).not.toContain('Ett andra inspel');

    // A day with nothing new sends nothing.
    t.clock.advance(DAY);
    await t.deps.jobs.runSchedules(t.clock.now(), [DAILY_DIGEST_JOB, WEEKLY_DIGEST_JOB]);
    await t.deps.jobs.idle();
    expect(await digests()).toHaveLength(2);
  });
});

describe('unsubscribe', () => {
  it('works from the link without signing in: a kind of notice, or every mail to an address', async () => {
    const person = await buildSignedInUser(t);
    const space = (await buildSpace(t, { members: [{ user: person, role: 'facilitator' }] })).id;
    await person.client.patch('/api/me', { notifications: { new_input: 'immediate' } });
    await t.client().post(`/api/spaces/${space}/inputs`, { text: 'Första inspelet här', kind: 'idea' });
    const [mail] = await outbox(person.email);
    expect(mail!.text).toContain('/unsubscribe#token=');
    const token = linkToken(mail!.text, '/unsubscribe');
    const anonymous = t.client();
    const answer = await anonymous.post('/api/unsubscribe', { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ scope: 'kind', kind: 'new_input' });
    expect((await person.client.get('/api/me')).body.user.notifications.new_input).toBe('none');
    await t.client().post(`/api/spaces/${space}/inputs`, { text: 'Andra inspelet här', kind: 'idea' });
    expect(await outbox(person.email)).toHaveLength(1);
    // A forged or changed token is refused.
    expect((await anonymous.post('/api/unsubscribe', { token: `${token.slice(0, -2)}xx` })).status).toBe(400);
    expect((await anonymous.post('/api/unsubscribe', {})).status).toBe(400);

    // An invitation names nothing narrower: its link stops every mail to the address (but not sign-in links).
    const invited = 'inbjuden@example.org';
    expect((await person.client.post(`/api/spaces/${space}/members`, { email: invited, role: 'member' })).status).toBe(201);
    const [invitation] = await outbox(invited);
    expect(invitation!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect((await anonymous.post('/api/unsubscribe', { token: linkToken(invitation!.text, '/unsubscribe') })).body.scope).toBe('address');
    await person.client.post(`/api/spaces/${space}/members`, { email: invited, role: 'member' });
    expect(await outbox(invited)).toHaveLength(1);
  });
});

/** A JPEG with an EXIF segment (camera and a GPS-like marker) right after its start. */
async function photoWithExif(width: number, height: number): Promise<Buffer> {
  const jpeg = await new Jimp({ width, height, color: 0x3a7d44ff }).getBuffer('image/jpeg');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), Buffer.from('MM\0*\0\0\0\x08GPSLatitude 67.1 Kamera Testmodell', 'binary')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

function imageForm(alt: string | null, fileName: string, content: Buffer) {
  const upload = multipartFile(fileName, content);
  if (alt === null) return upload;
  const boundary = upload.headers['content-type']!.split('boundary=')[1]!;
  const field = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`);
  return { body: Buffer.concat([field, upload.body]), headers: upload.headers };
}

describe('post images', () => {
  it('need alt text, are resized to 1600 px and lose their EXIF; only PNG and JPEG; seen with the post', async () => {
    // The digest tests moved the clock days ahead: fresh sessions.
    leader.client = await signedIn(t, leader);
    member.client = await signedIn(t, member);
    const { id } = await post(leader.client, spaceId, { title: 'Bilder från uppstarten', body: 'Se bilderna.' });
    const photo = await photoWithExif(1760, 880);
    expect(photo.includes(Buffer.from('Exif'))).toBe(true);
    const noAlt = imageForm(null, 'bild.jpg', photo);
    const refused = await leader.client.request('POST', `/api/posts/${id}/images`, noAlt.body, noAlt.headers);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.alt).toBeDefined();
    const text = imageForm('En text', 'bild.jpg', Buffer.from('inte en bild'));
    expect((await leader.client.request('POST', `/api/posts/${id}/images`, text.body, text.headers)).status).toBe(415);
    const byMember = imageForm('Folk i Folkets hus', 'bild.jpg', photo);
    expect((await member.client.request('POST', `/api/posts/${id}/images`, byMember.body, byMember.headers)).status).toBe(403);

    const form = imageForm('Ett trettiotal personer i Folkets hus i Pajala', 'IMG_0001.JPG', photo);
    const added = await leader.client.request('POST', `/api/posts/${id}/images`, form.body, form.headers);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.images).toEqual([expect.objectContaining({ alt: 'Ett trettiotal personer i Folkets hus i Pajala', width: 1600, height: 800 })]);
    const served = await t.app.inject({ method: 'GET', url: added.body.images[0].url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(served.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);

    // Removing the image removes the file.
    expect((await leader.client.delete(`${added.body.images[0].url}`)).status).toBe(204);
    expect(await readdir(path.join(dataDir, 'uploads', 'news'))).toEqual([]);
  });
});
