import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { isFinalRefusal, NoteOutbox, readQueue, type OutboxStorage, type QueuedNote } from './note-outbox.ts';

const KEY = 'samhandling.board.outbox.b1';
const PROMPT = '11111111-1111-4111-8111-111111111111';

/** Storage as the browser's localStorage behaves: strings by key, kept across outboxes (page loads). */
class MemoryStorage implements OutboxStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const networkDown = () => new ApiError(0, { code: 'network', message: 'Ingen anslutning', fields: {} });

/**
 * The board's note route as the server keeps it: one note per client key (a repeat returns the
 * note already made). `next` decides how the next request goes.
 */
class Board {
  readonly notes = new Map<string, QueuedNote>();
  requests = 0;
  next: 'ok' | 'down' | 'lost_answer' | 'closed' | 'rate_limited' | 'server_error' = 'ok';
  async post(note: QueuedNote) {
    this.requests += 1;
    const mode = this.next;
    await Promise.resolve();
    if (mode === 'down') throw networkDown();
    if (mode === 'closed') throw new ApiError(409, { code: 'conflict', message: 'Tavlan är stängd.', fields: {} });
    if (mode === 'rate_limited') throw new ApiError(429, { code: 'rate_limited', message: 'Försök igen om en stund.', fields: {} });
    if (mode === 'server_error') throw new ApiError(500, { code: 'internal', message: 'Något gick fel.', fields: {} });
    if (!this.notes.has(note.clientKey)) this.notes.set(note.clientKey, note);
    // The note is made, but the answer never reaches the browser.
    if (mode === 'lost_answer') throw networkDown();
    return { id: `n-${note.clientKey}` };
  }
}

function setUp(storage = new MemoryStorage(), server = new Board()) {
  let keys = 0;
  const refused: { text: string; message: string }[] = [];
  const outbox = new NoteOutbox({
    storage,
    key: KEY,
    send: (note) => server.post(note),
    onRefused: (note, message) => refused.push({ text: note.text, message }),
    newKey: () => `key-${++keys}`,
  });
  return { outbox, storage, server, refused };
}

const text = (server: Board) => [...server.notes.values()].map((n) => n.text);

describe('notes written offline', () => {
  it('keeps a note in storage until the server has it, each with its own client key', async () => {
    const { outbox, storage, server } = setUp();
    server.next = 'down';
    await outbox.add({ promptId: PROMPT, text: 'Bättre busstider', groupId: null });
    await outbox.add({ promptId: PROMPT, text: 'En mötesplats', groupId: 'g1' });
    const kept = readQueue(storage, KEY);
    expect(kept.map((n) => n.text)).toEqual(['Bättre busstider', 'En mötesplats']);
    expect(new Set(kept.map((n) => n.clientKey)).size).toBe(2);
    expect(server.notes.size).toBe(0);

    server.next = 'ok';
    await outbox.flush();
    expect(text(server)).toEqual(['Bättre busstider', 'En mötesplats']);
    expect(readQueue(storage, KEY)).toEqual([]);
    expect(outbox.pending).toEqual([]);
  });

  it('sends what an earlier page load left behind', async () => {
    const storage = new MemoryStorage();
    const first = setUp(storage);
    first.server.next = 'down';
    await first.outbox.add({ promptId: PROMPT, text: 'Laddstolpe vid affären', groupId: null });
    // The page is reloaded: a new outbox over the same storage.
    const server = new Board();
    const second = setUp(storage, server);
    expect(second.outbox.pending.map((n) => n.text)).toEqual(['Laddstolpe vid affären']);
    await second.outbox.flush();
    expect(text(server)).toEqual(['Laddstolpe vid affären']);
  });

  it('never makes two notes when the answer is lost and the note is sent again', async () => {
    const { outbox, server } = setUp();
    server.next = 'lost_answer';
    await outbox.add({ promptId: PROMPT, text: 'Fiber till byn', groupId: null });
    expect(outbox.pending).toHaveLength(1);
    server.next = 'ok';
    await outbox.flush();
    await outbox.flush();
    expect(server.requests).toBe(2);
    expect(text(server)).toEqual(['Fiber till byn']);
    expect(outbox.pending).toEqual([]);
  });

  it('sends one at a time in the order written, also when flushed from several places at once', async () => {
    const { outbox, server } = setUp();
    server.next = 'down';
    for (const t of ['ett', 'två', 'tre']) await outbox.add({ promptId: PROMPT, text: t, groupId: null });
    server.next = 'ok';
    const requestsBefore = server.requests;
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(text(server)).toEqual(['ett', 'två', 'tre']);
    expect(server.requests - requestsBefore).toBe(3);
  });

  it('keeps notes for later on rate limits and server errors', async () => {
    const { outbox, server, refused } = setUp();
    server.next = 'rate_limited';
    await outbox.add({ promptId: PROMPT, text: 'Snöröjning', groupId: null });
    server.next = 'server_error';
    await outbox.flush();
    expect(outbox.pending.map((n) => n.text)).toEqual(['Snöröjning']);
    expect(refused).toEqual([]);
  });

  it('gives up a note the server refuses for good, tells the writer, and sends the rest', async () => {
    const { outbox, server, refused } = setUp();
    server.next = 'down';
    await outbox.add({ promptId: PROMPT, text: 'För sent', groupId: null });
    await outbox.add({ promptId: PROMPT, text: 'Också för sent', groupId: null });
    server.next = 'closed';
    await outbox.flush();
    expect(refused).toEqual([
      { text: 'För sent', message: 'Tavlan är stängd.' },
      { text: 'Också för sent', message: 'Tavlan är stängd.' },
    ]);
    expect(outbox.pending).toEqual([]);
  });

  it('starts empty when the stored queue cannot be read', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '{not json');
    expect(readQueue(storage, KEY)).toEqual([]);
    storage.setItem(KEY, '{"a":1}');
    expect(readQueue(storage, KEY)).toEqual([]);
  });

  it('tells final refusals from failures worth another try', () => {
    expect(isFinalRefusal(new ApiError(409, { code: 'conflict', message: '', fields: {} }))).toBe(true);
    expect(isFinalRefusal(new ApiError(400, { code: 'invalid', message: '', fields: {} }))).toBe(true);
    for (const status of [0, 408, 429, 500, 503]) expect(isFinalRefusal(new ApiError(status, { code: 'x', message: '', fields: {} }))).toBe(false);
    expect(isFinalRefusal(new TypeError('fetch failed'))).toBe(false);
  });
});
