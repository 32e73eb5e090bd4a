import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo board', () => {
  it('the Sorsele kick-off has an open board that a phone can join with its code and post to', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const spaces = (await lead.get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const events = (await lead.get(`/api/spaces/${talko.id}/events`)).body as { id: string; title: string }[];
    const kickOff = events.find((e) => e.title === 'Uppstartsmöte: lokal arbetsgrupp Sorsele')!;
    const boards = await lead.get(`/api/events/${kickOff.id}/boards`);
    expect(boards.status).toBe(200);
    expect(boards.body).toHaveLength(1);
    const [board] = boards.body as { id: string; code: string; status: string }[];
    expect(board!.status).toBe('open');
    const joined = await t.client().post('/api/boards/join', { code: board!.code });
    expect(joined.status).toBe(201);
    const view = await t.client().get(`/api/boards/${board!.id}`, { 'x-board-token': joined.body.token });
    expect(view.body.prompts).toHaveLength(2);
    expect(view.body.groups.map((g: { name: string }) => g.name)).toEqual(['Gargnäs', 'Blattnicksele', 'Ammarnäs']);
    const note = await t.client().post(`/api/boards/${board!.id}/notes`, { promptId: view.body.prompts[0].id, text: 'Fler bussturer', clientKey: 'demo-note-0001' }, { 'x-board-token': joined.body.token });
    expect(note.status).toBe(201);
  });
});
