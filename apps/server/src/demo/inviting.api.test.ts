import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

/** Issue 13 §3: a demo that shows every capability. */
let t: TestApp;
let service: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
  const spaces = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
  service = spaces.find((s) => s.name === 'Service i samverkan')!.id;
});
afterAll(() => t.close());

describe('the demo', () => {
  it('gives every locality an approximate population, so an analysis from the localities works', async () => {
    const localities = (await t.client().get('/api/localities')).body as { name: string; population: number | null }[];
    expect(localities.length).toBeGreaterThanOrEqual(12);
    expect(localities.every((l) => typeof l.population === 'number' && l.population > 0)).toBe(true);
    // Rounded: demo values, not statistics.
    expect(localities.every((l) => l.population! % 50 === 0)).toBe(true);
  });

  it('ships a finished straight-line accessibility analysis for Service i samverkan with one saved scenario', async () => {
    const analyses = (await t.client().get(`/api/spaces/${service}/analyses`)).body as { id: string; status: string; mode: string; name: string }[];
    expect(analyses).toHaveLength(1);
    expect(analyses[0]).toMatchObject({ status: 'done' });
    expect((await t.client().get(`/api/analyses/${analyses[0]!.id}`)).body).toMatchObject({ status: 'done', inputs: { mode: 'straight_line' }, details: { mode: 'straight_line' } });
    expect(analyses[0]!.name).toContain('fågelvägen');
    const scenarios = (await t.client().get(`/api/analyses/${analyses[0]!.id}/scenarios`)).body as { name: string }[];
    expect(scenarios.map((s) => s.name)).toEqual(['Om den mest använda livsmedelsbutiken stänger']);
  });

  it('puts the co-financiers in Service i samverkan and private businesses in the registry', async () => {
    const organisations = (await t.client().get(`/api/spaces/${service}/organisations`)).body as { name: string; sector: string }[];
    const names = organisations.map((o) => o.name);
    for (const name of ['Bygdegårdarnas Riksförbund', 'LRF', 'Hushållningssällskapet']) expect(names).toContain(name);
    expect(new Set(organisations.map((o) => o.sector))).toEqual(new Set(['public', 'private', 'civil_society']));
    const privateSector = (await t.client().get('/api/organisations?sector=private')).body.items as { name: string }[];
    expect(privateSector.length).toBeGreaterThanOrEqual(3);
  });
});
