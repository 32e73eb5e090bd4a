import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: 'demo-password-123' });
});
afterAll(() => t.close());

describe('demo news and followers', () => {
  it('has news in each of the four projects, a pinned one first, and followers', async () => {
    const all = (await t.client().get('/api/spaces')).body as { id: string; name: string }[];
    // The four projects (the demo's model-use spaces have no news of their own).
    const projects = ['TALKO Lappland', 'Service i samverkan', 'SÖK Samverkan Norrbotten', 'Agenda 2030 – med civilsamhället som motor'];
    const spaces = all.filter((s) => projects.includes(s.name));
    expect(spaces).toHaveLength(4);
    for (const space of spaces) {
      const posts = (await t.client().get(`/api/spaces/${space.id}/posts`)).body as { title: string }[];
      expect(posts.length, space.name).toBeGreaterThanOrEqual(2);
    }
    const talko = spaces.find((s) => s.name === 'TALKO Lappland')!;
    const posts = (await t.client().get(`/api/spaces/${talko.id}/posts`)).body as { pinned: boolean; visibility: string }[];
    expect(posts[0]!.pinned).toBe(true);
    expect(posts.every((p) => p.visibility === 'public')).toBe(true);
    expect(((await t.client().get('/api/news')).body as unknown[]).length).toBeGreaterThanOrEqual(8);
    const member = await t.signIn('byalag@example.org', 'demo-password-123');
    expect(((await member.get('/api/me/follows')).body as { kind: string }[]).map((f) => f.kind).sort()).toEqual(['input', 'space']);
    const followers = await t.deps.db.selectFrom('follows').select(['email', 'confirmed_at']).where('email', 'is not', null).execute();
    expect(followers).toHaveLength(2);
    expect(followers.every((f) => f.confirmed_at !== null)).toBe(true);
  });
});
