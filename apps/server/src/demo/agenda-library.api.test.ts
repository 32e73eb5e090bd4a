import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo Agenda 2030 and knowledge library', () => {
  it('has library items to find, local targets and a coverage view with something under the goals', async () => {
    const found = await t.client().get('/api/library?q=servicepunkt');
    expect(found.body.items.map((i: { title: string }) => i.title)).toContain('Servicepunkten i byns lanthandel');
    const all = await t.client().get('/api/library');
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    expect(all.body.items.some((i: { title: string }) => i.title.includes('internt utkast'))).toBe(false);
    const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string; goals: number[] }[];
    const sis = spaces.find((s) => s.name === 'Service i samverkan')!;
    expect(sis.goals).toEqual([9, 11]);
    expect((await t.client().get(`/api/spaces/${sis.id}/local-targets`)).body).toHaveLength(1);
    const coverage = (await t.client().get(`/api/spaces/${sis.id}/agenda2030/coverage`)).body;
    expect(coverage.goals.find((g: { goal: number }) => g.goal === 11).total).toBeGreaterThan(2);
    const county = (await t.client().get('/api/counties/25/agenda2030/coverage')).body;
    expect(county.entries.length).toBeGreaterThan(3);
  });
});
