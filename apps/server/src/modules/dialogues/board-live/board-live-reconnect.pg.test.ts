import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../../../test/app.ts';
import { LiveBoardClient } from '../../../test/board-live-client.ts';

/**
 * The instance's LISTEN connection dies (PostgreSQL restarted, a network blip) while notes are
 * posted: PostgreSQL drops those notifications, yet every socket still gets every note, because
 * the rooms read the change log when the listener is back. PostgreSQL pass only.
 */
let t: TestApp;
let baseUrl: string;
const clients: LiveBoardClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await t.close();
});

describe('a lost LISTEN connection', () => {
  it('loses no note: the rooms catch up from the change log once it listens again', async () => {
    expect(t.deps.realtime.kind).toBe('postgres');
    const lead = await t.user();
    const spaceId = (await lead.client.post('/api/spaces', { name: 'Avbrott', kind: 'project', visibility: 'members' })).body.id;
    const eventId = (await lead.client.post(`/api/spaces/${spaceId}/events`, { kind: 'workshop', title: 'Verkstad', startsAt: '2026-03-10T17:00:00+01:00', endsAt: '2026-03-10T20:00:00+01:00' })).body.id;
    const board = (await lead.client.post(`/api/events/${eventId}/boards`, { prompts: ['Vad behövs?'] })).body;
    const joined = (await t.client().post('/api/boards/join', { code: board.code })).body;
    const live = new LiveBoardClient(baseUrl, board.id, { token: joined.token, origin: ORIGIN });
    clients.push(live);
    await live.connect();

    const reconnected = new Promise<void>((resolve) => t.deps.realtime.onReconnect(resolve));
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.deps.db);
    const { rowCount } = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen board_changes' and datname = $1`, [rows[0]!.name]);
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);

    // Posted while nobody listens: the notifications are gone, the notes are in the log.
    const texts = ['Under avbrottet 1', 'Under avbrottet 2'];
    for (const text of texts) {
      const answer = await t.client().post(`/api/boards/${board.id}/notes`, { promptId: board.prompts[0].id, text, clientKey: randomBytes(9).toString('base64url') }, { 'x-board-token': joined.token });
      expect(answer.status).toBe(201);
    }
    await reconnected;
    await live.until(() => texts.every((text) => live.hasNoteWithText(text)));
    expect(live.closed).toBeUndefined();
  });
});
