import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceRole } from '../../db/schema.ts';
import { createTestApp, ORIGIN, tokenFromMail, type TestApp } from '../../test/app.ts';
import { buildMembership, buildSignedInUser, buildSpace } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const talko = { name: 'TALKO Test', description: 'Byautveckling', kind: 'project', visibility: 'public', municipalityCodes: ['2506', '2422', '2463'] };

/** A members-only space led by its owner; `join` adds a signed-in member (inviting has a test of its own below). */
async function spaceWithMembers() {
  const owner = await buildSignedInUser(t, { name: 'Ägare' });
  const space = await buildSpace(t, { name: talko.name, visibility: 'members', municipalityCodes: talko.municipalityCodes, members: [{ user: owner, role: 'space_admin' }] });
  const join = async (role: SpaceRole) => {
    const person = await buildSignedInUser(t);
    await buildMembership(t, space.id, person, role);
    return person;
  };
  return { owner, space, join };
}

describe('spaces', () => {
  it('creates a space with its municipalities; the creator becomes its admin', async () => {
    const { client } = await t.user();
    const answer = await client.post('/api/spaces', talko);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'TALKO Test',
      kind: 'project',
      visibility: 'public',
      archived: false,
      municipalityCodes: ['2422', '2463', '2506'],
      memberCount: 1,
      myRole: 'space_admin',
    });
    expect(answer.body.allowedActions).toEqual(expect.arrayContaining(['view', 'update', 'archive', 'invite', 'manage_members']));
    const fetched = await t.client().get(`/api/spaces/${answer.body.id}`);
    expect(fetched.body).toMatchObject({ name: 'TALKO Test', myRole: null, allowedActions: ['view'] });
  });

  it('refuses unknown municipality codes and changes nothing', async () => {
    const { client } = await t.user();
    const answer = await client.post('/api/spaces', { ...talko, name: 'Fel kommun', municipalityCodes: ['2422', '9999'] });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ 'municipalityCodes.1': 'Okänd kommunkod.' });
    expect((await client.get('/api/spaces?mine=true')).body).toHaveLength(0);
  });

  it('requires sign-in to create', async () => {
    expect((await t.client().post('/api/spaces', talko)).status).toBe(401);
  });

  it('hides a members-only space from outsiders with 404, in lists too', async () => {
    const { space } = await spaceWithMembers();
    const outsider = await t.user();
    expect((await outsider.client.get(`/api/spaces/${space.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/spaces/${space.id}`)).status).toBe(404);
    expect((await outsider.client.get('/api/spaces')).body.map((s: { id: string }) => s.id)).not.toContain(space.id);
    expect((await outsider.client.get(`/api/spaces/${space.id}/members`)).status).toBe(404);
    expect((await outsider.client.patch(`/api/spaces/${space.id}`, { name: 'Kapad' })).status).toBe(404);
    const admin = await t.user({ isAdmin: true });
    expect((await admin.client.get(`/api/spaces/${space.id}`)).status).toBe(200);
  });

  it('lets the space admin edit, archive and restore; a member may not', async () => {
    const { owner, space, join } = await spaceWithMembers();
    const member = await join('member');
    expect((await member.client.patch(`/api/spaces/${space.id}`, { name: 'Nytt namn' })).status).toBe(403);
    const edited = await owner.client.patch(`/api/spaces/${space.id}`, { name: 'Nytt namn', municipalityCodes: ['2422'] });
    expect(edited.body).toMatchObject({ name: 'Nytt namn', municipalityCodes: ['2422'] });
    const archived = await owner.client.patch(`/api/spaces/${space.id}`, { archived: true });
    expect(archived.body).toMatchObject({ archived: true });
    expect(archived.body.allowedActions).toContain('restore');
    expect(archived.body.allowedActions).not.toContain('update');
    expect((await owner.client.patch(`/api/spaces/${space.id}`, { name: 'Under arkiv' })).status).toBe(409);
    expect((await owner.client.get('/api/spaces?mine=true')).body.map((s: { id: string }) => s.id)).not.toContain(space.id);
    expect((await owner.client.get('/api/spaces?archived=true&mine=true')).body.map((s: { id: string }) => s.id)).toContain(space.id);
    const restored = await owner.client.patch(`/api/spaces/${space.id}`, { archived: false });
    expect(restored.body.archived).toBe(false);
  });

  it('sees a change to the space or its members at the next request, however it was written', async () => {
    const { space, join } = await spaceWithMembers();
    const member = await join('member');
    // Twice each, so that a kept answer would be given the second time.
    for (let i = 0; i < 2; i++) expect((await member.client.get(`/api/spaces/${space.id}`)).body).toMatchObject({ myRole: 'member', memberCount: 2 });
    await t.deps.db.updateTable('memberships').set({ role: 'facilitator' }).where('user_id', '=', member.id).execute();
    expect((await member.client.get(`/api/spaces/${space.id}`)).body.myRole).toBe('facilitator');
    await t.deps.db.insertInto('space_municipalities').values({ space_id: space.id, municipality_code: '0180' }).execute();
    expect((await member.client.get(`/api/spaces/${space.id}`)).body.municipalityCodes).toContain('0180');

    for (let i = 0; i < 2; i++) expect((await t.client().get(`/api/spaces/${space.id}`)).status).toBe(404);
    await t.deps.db.updateTable('spaces').set({ visibility: 'public' }).where('id', '=', space.id).execute();
    expect((await t.client().get(`/api/spaces/${space.id}`)).status).toBe(200);
    await t.deps.db.updateTable('spaces').set({ visibility: 'members' }).where('id', '=', space.id).execute();
    expect((await t.client().get(`/api/spaces/${space.id}`)).status).toBe(404);

    await t.deps.db.deleteFrom('memberships').where('user_id', '=', member.id).execute();
    expect((await member.client.get(`/api/spaces/${space.id}`)).status).toBe(404);
    expect((await member.client.get(`/api/spaces/${space.id}/events`)).status).toBe(404);
  });

  it('refuses fields that are not the space’s to set (mass assignment)', async () => {
    const { owner, space } = await spaceWithMembers();
    const answer = await owner.client.patch(`/api/spaces/${space.id}`, { id: '00000000-0000-0000-0000-000000000000', createdBy: 'x' });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['createdBy', 'id']);
  });
});

describe('members and invitations', () => {
  it('invites by e-mail; the link lets a new person create an account and join', async () => {
    const { owner, space } = await spaceWithMembers();
    const invite = await owner.client.post(`/api/spaces/${space.id}/members`, { email: 'ny.person@example.org', role: 'facilitator' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'ny.person@example.org', role: 'facilitator', status: 'pending' });
    const [mail] = await t.outboxFor('ny.person@example.org');
    expect(mail!.subject).toBe('Inbjudan till TALKO Test i Samhandling');
    expect(mail!.text).toContain('processledare');
    expect(mail!.text).toContain(`${ORIGIN}/invitation#token=`);
    const token = tokenFromMail(mail!.text);
    const visitor = t.client();
    const preview = await visitor.post('/api/invitations/preview', { token });
    expect(preview.body).toEqual({ spaceId: space.id, spaceName: 'TALKO Test', role: 'facilitator', email: 'ny.person@example.org', accountExists: false });
    const noName = await visitor.post('/api/invitations/accept', { token });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields).toHaveProperty('name');
    const accepted = await visitor.post('/api/invitations/accept', { token, name: 'Ny Person', password: 'ett-bra-losenord' });
    expect(accepted.status).toBe(200);
    const me = await visitor.get('/api/me');
    expect(me.body.user.memberships).toEqual([{ spaceId: space.id, spaceName: 'TALKO Test', role: 'facilitator' }]);
    expect((await t.client().post('/api/invitations/accept', { token, name: 'Igen' })).status).toBe(400);
    const invitations = await owner.client.get(`/api/spaces/${space.id}/invitations`);
    expect(invitations.body[0].status).toBe('accepted');
  });

  it('shows members to members, e-mail addresses only to those who lead', async () => {
    const { owner, space, join } = await spaceWithMembers();
    const member = await join('member');
    const facilitator = await join('facilitator');
    const asMember = await member.client.get(`/api/spaces/${space.id}/members`);
    expect(asMember.body).toHaveLength(3);
    expect(asMember.body.every((m: { email: string | null }) => m.email === null)).toBe(true);
    const asFacilitator = await facilitator.client.get(`/api/spaces/${space.id}/members`);
    expect(asFacilitator.body.find((m: { userId: string }) => m.userId === member.id).email).toBe(member.email);
    expect((await owner.client.get(`/api/spaces/${space.id}/members`)).body[0].allowedActions).toEqual(['change_role', 'remove']);
  });

  it('lets facilitators invite members but not hand out leading roles', async () => {
    const { space, join } = await spaceWithMembers();
    const facilitator = await join('facilitator');
    expect((await facilitator.client.post(`/api/spaces/${space.id}/members`, { email: 'a@example.org', role: 'member' })).status).toBe(201);
    expect((await facilitator.client.post(`/api/spaces/${space.id}/members`, { email: 'b@example.org', role: 'space_admin' })).status).toBe(403);
    const member = await join('member');
    expect((await member.client.post(`/api/spaces/${space.id}/members`, { email: 'c@example.org', role: 'member' })).status).toBe(403);
  });

  it('changes roles, removes members, lets members leave, and keeps at least one admin', async () => {
    const { owner, space, join } = await spaceWithMembers();
    const member = await join('member');
    const promoted = await owner.client.patch(`/api/spaces/${space.id}/members/${member.id}`, { role: 'observer' });
    expect(promoted.body.role).toBe('observer');
    expect((await member.client.patch(`/api/spaces/${space.id}/members/${owner.id}`, { role: 'member' })).status).toBe(403);
    const last = await owner.client.patch(`/api/spaces/${space.id}/members/${owner.id}`, { role: 'member' });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toBe('Arenan måste ha minst en administratör.');
    expect((await owner.client.delete(`/api/spaces/${space.id}/members/${owner.id}`)).status).toBe(409);
    expect((await member.client.delete(`/api/spaces/${space.id}/members/${member.id}`)).status).toBe(204);
    expect((await member.client.get(`/api/spaces/${space.id}`)).status).toBe(404);
  });

  it('refuses inviting someone who is already a member', async () => {
    const { owner, space, join } = await spaceWithMembers();
    const member = await join('member');
    const answer = await owner.client.post(`/api/spaces/${space.id}/members`, { email: member.email, role: 'member' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.fields.email).toBe('Personen är redan medlem.');
  });

  it('withdraws an invitation so its link stops working', async () => {
    const { owner, space } = await spaceWithMembers();
    const invite = await owner.client.post(`/api/spaces/${space.id}/members`, { email: 'withdrawn@example.org', role: 'member' });
    const token = tokenFromMail((await t.outboxFor('withdrawn@example.org'))[0]!.text);
    expect((await owner.client.delete(`/api/spaces/${space.id}/invitations/${invite.body.id}`)).status).toBe(204);
    expect((await t.client().post('/api/invitations/preview', { token })).status).toBe(400);
  });
});
