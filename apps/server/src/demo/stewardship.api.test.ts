import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo organisation stewardship', () => {
  it('has confirmed representatives and a suggestion waiting for one of them', async () => {
    const found = (await t.client().get('/api/organisations?q=Hela Sverige ska leva Västerbotten')).body.items as { id: string }[];
    const id = found[0]!.id;
    const representative = await t.signIn('byalag@example.org', 'demo-password-123');
    expect((await representative.get(`/api/organisations/${id}`)).body.allowedActions).toEqual(['update']);
    const representatives = (await representative.get(`/api/organisations/${id}/representatives`)).body;
    expect(representatives).toEqual([expect.objectContaining({ name: 'Demo Byalagsmedlem (fiktiv)', status: 'confirmed', confirmedByName: 'Demo Processledare (fiktiv)' })]);
    const suggestions = (await representative.get(`/api/organisations/${id}/suggestions`)).body;
    expect(suggestions).toEqual([expect.objectContaining({ status: 'pending', proposedByName: 'Demo Processledare (fiktiv)', allowedActions: ['accept', 'reject'] })]);
    // The leader who suggested it may not edit the organisation; the derived ties of TALKO's group stay in TALKO.
    const leader = await t.signIn('processledare@example.org', 'demo-password-123');
    expect((await leader.get(`/api/organisations/${id}`)).body.allowedActions).toEqual(['suggest', 'represent']);
    const derived = await t.deps.db.selectFrom('collaborations').select('space_id').where('source', '=', 'derived').execute();
    expect(derived.length).toBeGreaterThan(0);
    expect(derived.every((c) => c.space_id !== null)).toBe(true);
  });
});
