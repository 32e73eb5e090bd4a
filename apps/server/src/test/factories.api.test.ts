import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from './app.ts';
import { buildEvent, buildMembership, buildOrganisation, buildSignedInUser, buildSpace, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('test factories build what the API then serves as if people had made it', () => {
  it('builds an account that signs in with the test password, and a client already signed in', async () => {
    const user = await buildUser(t, { name: 'Byggd Person', language: 'en' });
    const client = await t.signIn(user.email, PASSWORD);
    expect((await client.get('/api/me')).body.user).toMatchObject({ id: user.id, name: 'Byggd Person', language: 'en' });
    const direct = await buildSignedInUser(t, { isAdmin: true });
    expect((await direct.client.get('/api/me')).body.user).toMatchObject({ id: direct.id, isAdmin: true });
    const disabled = await buildUser(t, { disabled: true });
    expect((await t.client().post('/api/auth/sign-in', { email: disabled.email, password: PASSWORD })).status).not.toBe(200);
  });

  it('builds a members-only space its members see with their role, and outsiders do not', async () => {
    const lead = await buildSignedInUser(t);
    const space = await buildSpace(t, { visibility: 'members', municipalityCodes: ['2422', '2506'], members: [{ user: lead, role: 'facilitator' }] });
    const member = await buildSignedInUser(t);
    await buildMembership(t, space.id, member);
    expect((await lead.client.get(`/api/spaces/${space.id}`)).body).toMatchObject({ name: space.name, myRole: 'facilitator', memberCount: 2, municipalityCodes: ['2422', '2506'] });
    expect((await member.client.get(`/api/spaces/${space.id}`)).body.myRole).toBe('member');
    expect((await t.client().get(`/api/spaces/${space.id}`)).status).toBe(404);
  });

  it('builds organisations in a space and events with seats', async () => {
    const lead = await buildSignedInUser(t);
    const space = await buildSpace(t, { members: [{ user: lead, role: 'space_admin' }] });
    const organisation = await buildOrganisation(t, { spaceId: space.id, name: 'Byalaget i Slagnäs' });
    const listed = (await lead.client.get(`/api/spaces/${space.id}/organisations`)).body as { id: string; name: string }[];
    expect(listed.map((o) => o.name)).toContain(organisation.name);
    const event = await buildEvent(t, space.id, { title: 'Byastämma', inDays: 3, capacity: 12, onlineCapacity: 20 });
    const events = (await lead.client.get(`/api/spaces/${space.id}/events`)).body as { id: string; title: string; seats: { on_site: { capacity: number | null }; online: { capacity: number | null } } }[];
    expect(events).toEqual([expect.objectContaining({ id: event.id, title: 'Byastämma' })]);
    expect(events[0]!.seats.on_site.capacity).toBe(12);
    expect(events[0]!.seats.online.capacity).toBe(20);
  });
});
