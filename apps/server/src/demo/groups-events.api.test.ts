import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo groups and events', () => {
  it('has TALKO working groups with a balance view and upcoming events, one of them rescheduled', async () => {
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const sok = spaces.find((s) => s.name === 'SÖK Samverkan Norrbotten')!;
    const groups = (await t.client().get(`/api/spaces/${talko.id}/groups`)).body as {
      name: string;
      kind: string;
      memberCount: number;
      balance: { key: string; missing: number }[];
    }[];
    expect(groups.map((g) => g.name)).toEqual([
      'Lokal arbetsgrupp Arjeplog',
      'Lokal arbetsgrupp Sorsele',
      'Lokal arbetsgrupp Storuman',
      'Ungdomsgruppen',
    ]);
    const sorsele = groups.find((g) => g.name === 'Lokal arbetsgrupp Sorsele')!;
    expect(sorsele.memberCount).toBe(4);
    expect(sorsele.balance.find((b) => b.key === 'youth')!.missing).toBe(0);
    expect(sorsele.balance.find((b) => b.key === 'private')!.missing).toBe(4);
    const events = (await t.client().get(`/api/spaces/${talko.id}/events?when=upcoming`)).body as { kind: string; cohosts: unknown[] }[];
    expect(events.map((e) => e.kind)).toEqual(['kick_off', 'test_session']);
    expect(events[0]!.cohosts).toHaveLength(2);
    const dialogue = (await t.client().get(`/api/spaces/${sok.id}/events`)).body[0];
    expect(dialogue).toMatchObject({ kind: 'knowledge_dialogue', sequence: 1, modes: ['on_site', 'online'] });
    expect(dialogue.rescheduledAt).not.toBeNull();
    expect(dialogue.cohosts).toHaveLength(3);
    const derived = (await t.client().get(`/api/spaces/${talko.id}/network?source=derived`)).body;
    expect(derived.edges.length).toBe(6);
  });
});
