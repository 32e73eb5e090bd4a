import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type Client, type TestApp } from '../../../test/app.ts';
import { LiveBoardClient } from '../../../test/board-live-client.ts';
import { NOTE_LIMIT } from './board-notes.ts';

let t: TestApp;
let lead: { client: Client; id: string };
let member: { client: Client; id: string };
let outsider: { client: Client; id: string };
let baseUrl: string;
let spaceId: string;
let eventId: string;
const live: LiveBoardClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.user({ name: 'Processledare' });
  member = await t.user({ name: 'Medlem' });
  outsider = await t.user({ name: 'Utomstående' });
  spaceId = (await lead.client.post('/api/spaces', { name: 'Byaforum Sorsele', kind: 'municipal', visibility: 'members', municipalityCodes: ['2422'] })).body.id;
  await t.deps.db.insertInto('memberships').values({ space_id: spaceId, user_id: member.id, role: 'member', created_at: t.clock.now() }).execute();
  const event = await lead.client.post(`/api/spaces/${spaceId}/events`, {
    kind: 'workshop',
    title: 'Framtidsverkstad i Gargnäs',
    startsAt: '2026-03-10T17:00:00+01:00',
    endsAt: '2026-03-10T20:00:00+01:00',
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventId = event.body.id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await Promise.all(live.map((c) => c.close()));
  await t.close();
});

const key = () => randomBytes(9).toString('base64url');

async function newBoard(body: Record<string, unknown> = {}) {
  const answer = await lead.client.post(`/api/events/${eventId}/boards`, { prompts: ['Vad behövs i byn?', 'Vad kan vi göra själva?'], ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; code: string; prompts: { id: string; text: string }[]; groups: { id: string; name: string }[] };
}

async function join(code: string, extra: Record<string, unknown> = {}) {
  const answer = await t.client().post('/api/boards/join', { code, ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const body = answer.body as { boardId: string; participantId: string; token: string };
  const client = t.client();
  const headers = { 'x-board-token': body.token };
  return {
    ...body,
    post: (path: string, payload: unknown) => client.post(path, payload, headers),
    patch: (path: string, payload: unknown) => client.patch(path, payload, headers),
    put: (path: string, payload: unknown) => client.request('PUT', path, payload, headers),
    get: (path: string) => client.get(path, headers),
  };
}

async function socket(boardId: string, auth: ConstructorParameters<typeof LiveBoardClient>[2]) {
  const client = new LiveBoardClient(baseUrl, boardId, { origin: ORIGIN, ...auth });
  live.push(client);
  return client.connect();
}

describe('creating and joining a board', () => {
  it('is opened by those who lead the space and joined with its code without an account', async () => {
    const board = await newBoard({ groups: ['Grupp A', 'Grupp B'] });
    expect(board.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(board.prompts.map((p) => p.text)).toEqual(['Vad behövs i byn?', 'Vad kan vi göra själva?']);
    expect((await member.client.post(`/api/events/${eventId}/boards`, {})).status).toBe(403);
    expect((await outsider.client.post(`/api/events/${eventId}/boards`, {})).status).toBe(404);

    const participant = await join(board.code.toLowerCase(), { name: 'Anna', sector: 'civil_society', ageGroup: '16_25', groupId: board.groups[1]!.id });
    expect(participant.boardId).toBe(board.id);
    const view = await participant.get(`/api/boards/${board.id}`);
    expect(view.status).toBe(200);
    expect(view.body.viewer).toMatchObject({ kind: 'participant', participantId: participant.participantId, groupId: board.groups[1]!.id });
    // Without the token the board does not exist for an anonymous caller or an outsider.
    expect((await t.client().get(`/api/boards/${board.id}`)).status).toBe(404);
    expect((await outsider.client.get(`/api/boards/${board.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/boards/${board.id}`, { 'x-board-token': 'not-a-token' })).status).toBe(404);
  });

  it('answers an unknown or malformed code clearly, in Swedish first', async () => {
    const unknown = await t.client().post('/api/boards/join', { code: 'ZZZZZZ' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Det finns ingen öppen tavla med den koden.');
    const malformed = await t.client({ language: 'en' }).post('/api/boards/join', { code: 'ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.code).toBe('The code has six characters, letters and digits.');
  });
});

describe('notes live', () => {
  it('a note posted by one participant reaches a second participant and the facilitator', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const bo = await join(board.code);
    const boLive = await socket(board.id, { token: bo.token });
    const leadLive = await socket(board.id, { cookie: lead.client.cookie! });
    const posted = await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Bussen behöver gå på kvällarna', clientKey: key() });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    await boLive.until(() => boLive.hasNoteWithText('Bussen behöver gå på kvällarna'));
    await leadLive.until(() => leadLive.notes.has(posted.body.id));
    expect(boLive.notes.get(posted.body.id)).toMatchObject({ authorId: anna.participantId, promptId: board.prompts[0]!.id, votes: 0 });
  });

  it('a retried post with the same key returns the same note and never duplicates it', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const clientKey = key();
    const body = { promptId: board.prompts[0]!.id, text: 'Affären ska ha post', clientKey };
    const [first, second] = await Promise.all([anna.post(`/api/boards/${board.id}/notes`, body), anna.post(`/api/boards/${board.id}/notes`, body)]);
    const third = await anna.post(`/api/boards/${board.id}/notes`, body);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    const view = await anna.get(`/api/boards/${board.id}`);
    expect(view.body.notes.filter((n: { text: string }) => n.text === 'Affären ska ha post')).toHaveLength(1);
    // Someone else's key is not a way to read their note.
    const bo = await join(board.code);
    expect((await bo.post(`/api/boards/${board.id}/notes`, body)).status).toBe(409);
  });

  it('a client that reconnects receives exactly the notes it missed, in order', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const bo = await join(board.code);
    const boLive = await socket(board.id, { token: bo.token });
    await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Före avbrottet', clientKey: key() });
    await boLive.until(() => boLive.hasNoteWithText('Före avbrottet'));
    await boLive.close();
    const seenBefore = boLive.lastSeq!;
    const missed = ['Medan telefonen var utan täckning 1', 'Medan telefonen var utan täckning 2', 'Medan telefonen var utan täckning 3'];
    for (const text of missed) expect((await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[1]!.id, text, clientKey: key() })).status).toBe(201);
    const framesBefore = boLive.frames.length;
    await boLive.connect();
    const after = boLive.frames.slice(framesBefore);
    // A replay of the missed changes, not a new snapshot.
    expect(after.some((f) => f.type === 'snapshot')).toBe(false);
    const replayed = after.flatMap((f) => (f.type === 'change' && f.change.kind === 'note' ? [f] : []));
    expect(replayed.map((f) => (f.change as { note: { text: string } }).note.text)).toEqual(missed);
    expect(replayed.map((f) => f.seq)).toEqual([seenBefore + 1, seenBefore + 2, seenBefore + 3]);
    for (const text of missed) expect(boLive.hasNoteWithText(text)).toBe(true);
  });

  it('limits how fast one participant may post', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    for (let i = 0; i < NOTE_LIMIT.count; i++) {
      expect((await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: `Idé ${i}`, clientKey: key() })).status).toBe(201);
    }
    const limited = await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'En för mycket', clientKey: key() });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another participant is not held back.
    const bo = await join(board.code);
    expect((await bo.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Min första', clientKey: key() })).status).toBe(201);
  });
});

describe('what participants may touch', () => {
  it('edits only the text of their own notes; moving, hiding and merging are the facilitator’s', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const bo = await join(board.code);
    const note = (await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Skrivfel', clientKey: key() })).body;
    expect((await bo.patch(`/api/boards/${board.id}/notes/${note.id}`, { text: 'Kapad' })).status).toBe(403);
    expect((await anna.patch(`/api/boards/${board.id}/notes/${note.id}`, { promptId: board.prompts[1]!.id })).status).toBe(403);
    expect((await anna.patch(`/api/boards/${board.id}/notes/${note.id}`, { hidden: true })).status).toBe(403);
    expect((await anna.post(`/api/boards/${board.id}/merges`, { sourceId: note.id, targetId: note.id })).status).toBe(401);
    const fixed = await anna.patch(`/api/boards/${board.id}/notes/${note.id}`, { text: 'Rättat' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.text).toBe('Rättat');
    // Settings are the facilitator's too.
    expect((await member.client.patch(`/api/boards/${board.id}`, { voting: 'open' })).status).toBe(404);
  });

  it('a hidden note disappears for participants, text and all, but stays for the facilitator', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const bo = await join(board.code);
    const boLive = await socket(board.id, { token: bo.token });
    const note = (await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Olämpligt', clientKey: key() })).body;
    await boLive.until(() => boLive.notes.has(note.id));
    const framesBefore = boLive.frames.length;
    expect((await lead.client.patch(`/api/boards/${board.id}/notes/${note.id}`, { hidden: true })).status).toBe(200);
    await boLive.until(() => !boLive.notes.has(note.id));
    expect(JSON.stringify(boLive.frames.slice(framesBefore))).not.toContain('Olämpligt');
    expect((await bo.get(`/api/boards/${board.id}`)).body.notes.map((n: { id: string }) => n.id)).not.toContain(note.id);
    expect(JSON.stringify((await bo.get(`/api/boards/${board.id}/live?since=0`)).body)).not.toContain('Olämpligt');
    const facilitatorView = (await lead.client.get(`/api/boards/${board.id}`)).body;
    expect(facilitatorView.notes.find((n: { id: string }) => n.id === note.id)).toMatchObject({ hidden: true, text: 'Olämpligt' });
  });
});

describe('arranging and voting', () => {
  it('clusters, moves and merges notes; dot votes are limited to N each and shown live', async () => {
    const board = await newBoard({ dotsPerParticipant: 2 });
    const anna = await join(board.code);
    const bo = await join(board.code);
    const annaLive = await socket(board.id, { token: anna.token });
    const post = async (text: string) => (await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text, clientKey: key() })).body as { id: string };
    const [a, b, c] = [await post('Mataffär'), await post('Lanthandel'), await post('Laddstolpe')];

    const cluster = await lead.client.post(`/api/boards/${board.id}/clusters`, { promptId: board.prompts[1]!.id, label: 'Service' });
    expect(cluster.status).toBe(201);
    const moved = await lead.client.patch(`/api/boards/${board.id}/notes/${c.id}`, { clusterId: cluster.body.id });
    expect(moved.body).toMatchObject({ clusterId: cluster.body.id, promptId: board.prompts[1]!.id });

    expect((await bo.put(`/api/boards/${board.id}/votes/${a.id}`, { dots: 1 })).status).toBe(409);
    expect((await lead.client.patch(`/api/boards/${board.id}`, { voting: 'open' })).body.voting).toBe('open');
    expect((await bo.put(`/api/boards/${board.id}/votes/${a.id}`, { dots: 1 })).body.mine).toEqual({ [a.id]: 1 });
    expect((await bo.put(`/api/boards/${board.id}/votes/${b.id}`, { dots: 1 })).status).toBe(200);
    const tooMany = await bo.put(`/api/boards/${board.id}/votes/${c.id}`, { dots: 1 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.message).toContain('inga prickar kvar');
    expect((await lead.client.request('PUT', `/api/boards/${board.id}/votes/${c.id}`, { dots: 1 })).status).toBe(403);
    expect((await anna.put(`/api/boards/${board.id}/votes/${b.id}`, { dots: 2 })).status).toBe(200);
    await annaLive.until(() => annaLive.votes.get(b.id) === 3 && annaLive.votes.get(a.id) === 1);

    // Merging keeps both texts and adds the dots together; the merged note can no longer be voted on.
    const merged = await lead.client.post(`/api/boards/${board.id}/merges`, { sourceId: a.id, targetId: b.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: b.id, votes: 4, merged: ['Mataffär'] });
    await annaLive.until(() => annaLive.notes.get(a.id)?.mergedInto === b.id && annaLive.votes.get(b.id) === 4);
    expect((await bo.put(`/api/boards/${board.id}/votes/${a.id}`, { dots: 1 })).status).toBe(409);
    expect((await lead.client.post(`/api/boards/${board.id}/merges`, { sourceId: b.id, targetId: b.id })).status).toBe(400);
  });

  it('sets prompts and breakout groups; a prompt with notes cannot be retired', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Kvar', clientKey: key() });
    const updated = await lead.client.patch(`/api/boards/${board.id}`, {
      prompts: [{ id: board.prompts[0]!.id, text: 'Vad saknas?' }, { text: 'Vem kan hjälpa till?' }],
      groups: [{ name: 'Norra byarna' }, { name: 'Södra byarna' }],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.prompts.map((p: { text: string }) => p.text)).toEqual(['Vad saknas?', 'Vem kan hjälpa till?']);
    expect(updated.body.groups.map((g: { name: string }) => g.name)).toEqual(['Norra byarna', 'Södra byarna']);
    const refused = await lead.client.patch(`/api/boards/${board.id}`, { prompts: [{ text: 'Bara en ny' }] });
    expect(refused.status).toBe(400);
  });
});

describe('the socket is careful', () => {
  it('refuses an upgrade from another origin', async () => {
    const board = await newBoard();
    const foreign = new LiveBoardClient(baseUrl, board.id, { cookie: lead.client.cookie!, origin: 'https://evil.example' });
    await expect(foreign.connect()).rejects.toThrow(/403/);
  });

  it('answers a malformed frame with an error and stays up; a bad token gets not found', async () => {
    const board = await newBoard();
    const bo = await join(board.code);
    const client = await socket(board.id, { token: bo.token });
    const errorsBefore = client.frames.filter((f) => f.type === 'error').length;
    client.send('{not json');
    client.send({ type: 'hello', token: 5 });
    client.send({ type: 'nonsense' });
    await client.until(() => client.frames.filter((f) => f.type === 'error').length === errorsBefore + 3);
    client.send({ type: 'ping' });
    await client.until(() => client.frames.some((f) => f.type === 'pong'));
    expect(client.closed).toBeUndefined();

    const stranger = new LiveBoardClient(baseUrl, board.id, { token: 'x'.repeat(43), origin: ORIGIN });
    await expect(stranger.connect()).rejects.toThrow(/4404/);
    const raw = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/boards/not-a-uuid/live`, { origin: ORIGIN });
    const code = await new Promise<number>((resolve) => raw.on('close', (c) => resolve(c)));
    expect(code).toBe(4400);
    expect((await t.client().get('/api/health')).status).toBe(200);
  });

  it('closes a socket that sends an oversized frame or floods, and keeps serving the others', async () => {
    const board = await newBoard();
    const bo = await join(board.code);
    const big = await socket(board.id, { token: bo.token });
    big.send('x'.repeat(20 * 1024));
    await big.until(() => big.closed !== undefined);
    expect(big.closed!.code).toBe(1009);
    const flood = await socket(board.id, { token: bo.token });
    for (let i = 0; i < 50; i++) flood.send({ type: 'ping' });
    await flood.until(() => flood.closed !== undefined);
    expect(flood.closed!.code).toBe(1008);
    const calm = await socket(board.id, { token: bo.token });
    calm.send({ type: 'ping' });
    await calm.until(() => calm.frames.some((f) => f.type === 'pong'));
  });

  it('the plain GET is a poll fallback: changes after a number, or a snapshot', async () => {
    const board = await newBoard();
    const anna = await join(board.code);
    const first = await anna.get(`/api/boards/${board.id}/live`);
    expect(first.body.board.seq).toBe(first.body.seq);
    await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'Via polling', clientKey: key() });
    const next = await anna.get(`/api/boards/${board.id}/live?since=${first.body.seq}`);
    expect(next.body.changes).toHaveLength(1);
    expect(next.body.changes[0]).toMatchObject({ seq: first.body.seq + 1, change: { kind: 'note', note: { text: 'Via polling' } } });
  });
});

describe('closing the board', () => {
  it('turns the visible notes into inputs of the event, with their status; then takes no more notes', async () => {
    const board = await newBoard();
    const anna = await join(board.code, { sector: 'civil_society', ageGroup: '65_plus' });
    const bo = await join(board.code);
    const boLive = await socket(board.id, { token: bo.token });
    const post = async (text: string) => (await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text, clientKey: key() })).body as { id: string };
    const keep = await post('Samåkning till vårdcentralen');
    const merged = await post('Skjuts till vården');
    const hidden = await post('Reklam för något');
    await lead.client.post(`/api/boards/${board.id}/merges`, { sourceId: merged.id, targetId: keep.id });
    await lead.client.patch(`/api/boards/${board.id}/notes/${hidden.id}`, { hidden: true });
    expect((await anna.post(`/api/boards/${board.id}/close`, {})).status).toBe(401);

    const closed = await lead.client.post(`/api/boards/${board.id}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.inputs).toEqual([{ noteId: keep.id, inputId: expect.any(String), status: 'received' }]);
    await boLive.until(() => boLive.frames.some((f) => f.type === 'change' && f.change.kind === 'closed'));

    const inputs = await lead.client.get(`/api/spaces/${spaceId}/inputs?event=${eventId}&source=board`);
    expect(inputs.status).toBe(200);
    const input = inputs.body.items.find((i: { id: string }) => i.id === closed.body.inputs[0].inputId);
    expect(input).toMatchObject({ status: 'received', source: 'board', eventId, submitterSector: 'civil_society', submitterAgeGroup: '65_plus' });
    expect(input.text).toBe('Samåkning till vårdcentralen\n– Skjuts till vården');

    const late = await anna.post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0]!.id, text: 'För sent', clientKey: key() });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Tavlan är stängd. Inga fler lappar kan läggas till.');
    expect((await lead.client.post(`/api/boards/${board.id}/close`, {})).status).toBe(409);
    expect((await t.client().post('/api/boards/join', { code: board.code })).status).toBe(404);
    // The facilitator's board shows each input's status as it is now.
    await lead.client.patch(`/api/inputs/${input.id}`, { status: 'being_assessed', reason: 'Tas upp i arbetsgruppen' });
    expect((await lead.client.get(`/api/boards/${board.id}`)).body.inputs[0].status).toBe('being_assessed');
  });
});
