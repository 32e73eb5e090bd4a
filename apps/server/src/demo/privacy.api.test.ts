import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo: people’s data', () => {
  it('the village member downloads their memberships, input and registration; the privacy page works with the demo configuration', async () => {
    const member = await t.signIn('byalag@example.org', 'demo-password-123');
    const data = (await member.get('/api/me/data')).body;
    expect(data.sections.memberships.map((m: { space: { name: string } }) => m.space.name).sort()).toEqual(['Agenda 2030 – med civilsamhället som motor', 'TALKO Lappland']);
    expect(data.sections.inputs).toEqual([expect.objectContaining({ role: 'submitter', noticeEmail: 'byalag@example.org' })]);
    expect(data.sections.registrations).toEqual([expect.objectContaining({ dietaryNeeds: 'Vegetariskt', status: 'confirmed' })]);
    expect((await member.get('/api/me/data?format=html')).body).toContain('Anmälningar till träffar (1)');
    const policy = (await t.client().get('/api/privacy')).body;
    expect(policy.controller.configured).toBe(false);
    expect(policy.activities.length).toBeGreaterThan(0);
  });

  it('TALKO’s people list shows a consent withdrawn by a leader, beside the consent', async () => {
    const lead = await t.signIn('processledare@example.org', 'demo-password-123');
    const talko = ((await lead.get('/api/spaces')).body as { id: string; name: string }[]).find((s) => s.name === 'TALKO Lappland')!;
    const people = (await lead.get(`/api/people?space=${talko.id}`)).body as { name: string; consents: { withdrawnAt: string | null; withdrawalMethod: string | null }[] }[];
    const withdrawn = people.filter((p) => p.consents.some((c) => c.withdrawnAt));
    expect(withdrawn).toEqual([expect.objectContaining({ name: 'borttagen användare', consents: [expect.objectContaining({ withdrawalMethod: 'leader' })] })]);
  });
});
