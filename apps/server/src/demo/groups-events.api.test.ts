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
    // Six from the Sorsele working group, one from the kick-off's two co-hosts (issue 11 §2); the
    // organisations sharing the Sorsele plan's measures add their own (counted in the plans demo test).
    const fromGroupsAndEvents = derived.edges.filter((e: { derivedFrom?: { kind: string } | null }) => e.derivedFrom?.kind === 'working_group' || e.derivedFrom?.kind === 'event');
    expect(fromGroupsAndEvents.length).toBe(7);
  });
});

// alliances, joint initiatives, volunteers (issue 11 §2): in this file to share its one demo seed.
describe('demo alliances', () => {
  it('has an Agenda 2030 alliance with members, three joint initiatives with partners on the map, and a call for volunteers with sign-ups', async () => {
    const anyone = t.client();
    const spaces = (await anyone.get('/api/spaces')).body as { id: string; name: string }[];
    const agenda = spaces.find((s) => s.name === 'Agenda 2030 – med civilsamhället som motor')!;
    const [alliance] = (await anyone.get(`/api/spaces/${agenda.id}/alliances`)).body;
    expect(alliance).toMatchObject({ name: 'Alliansen för hållbara bygder i norr', memberCount: 7, initiativeCount: 3 });
    const detail = (await anyone.get(`/api/alliances/${alliance.id}`)).body;
    expect(detail.members.filter((m: { status: string }) => m.status === 'invited').map((m: { organisationName: string }) => m.organisationName)).toEqual(['LRF']);

    const directory = (await anyone.get('/api/initiatives')).body as { id: string; title: string; status: string; partnerCount: number; lon: number | null }[];
    expect(directory.map((i) => i.title).sort()).toEqual(['Klimatsmarta byar – energikartläggning i tio byar', 'Lokal mat i skolköken', 'Nyanlända i föreningslivet']);
    expect(directory.every((i) => i.lon !== null)).toBe(true);
    const energy = directory.find((i) => i.title.startsWith('Klimatsmarta'))!;
    expect(energy).toMatchObject({ status: 'ongoing', partnerCount: 3 });
    const [call] = (await anyone.get(`/api/initiatives/${energy.id}/volunteer-calls`)).body;
    expect(call).toMatchObject({ wanted: 8, confirmed: 2, open: true });

    // The partners are derived collaborations in the space's network, with their source.
    const network = (await anyone.get(`/api/spaces/${agenda.id}/network?source=derived`)).body as { edges: { derivedFrom: { kind: string; id: string } | null }[] };
    expect(network.edges.filter((e) => e.derivedFrom?.kind === 'initiative' && e.derivedFrom.id === energy.id)).toHaveLength(6);
  });
});
