import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildMembership, buildSignedInUser, buildSpace } from '../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function ledSpace(overrides: Parameters<typeof buildSpace>[1]) {
  const leader = await buildSignedInUser(t, { name: 'Processledare' });
  const space = await buildSpace(t, { ...overrides, members: [{ user: leader, role: 'space_admin' }] });
  return { leader, space };
}

const memberIds = async (client: { get: (url: string) => Promise<{ body: { userId: string }[] }> }, spaceId: string) =>
  (await client.get(`/api/spaces/${spaceId}/members`)).body.map((m) => m.userId);

describe('joining a public space', () => {
  it('an open space lets a signed-in person join as a member at once, and audits it', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'open' });
    const person = await buildSignedInUser(t, { name: 'Byabo' });
    const before = await person.client.get(`/api/spaces/${space.id}`);
    expect(before.body).toMatchObject({ joinPolicy: 'open', myRole: null });
    expect(before.body.allowedActions).toContain('join');
    const joined = await person.client.post(`/api/spaces/${space.id}/join`, {});
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ outcome: 'joined', space: { myRole: 'member', memberCount: 2 } });
    expect(joined.body.space.allowedActions).not.toContain('join');
    expect(await memberIds(leader.client, space.id)).toContain(person.id);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('resource_id', '=', space.id).execute();
    expect(audit).toContainEqual({ action: 'membership.join', actor_id: person.id });
    expect((await person.client.post(`/api/spaces/${space.id}/join`, {})).status).toBe(409);
  });

  it('anonymous callers must sign in first', async () => {
    const { space } = await ledSpace({ joinPolicy: 'open' });
    expect((await t.client().get(`/api/spaces/${space.id}`)).body.allowedActions).toEqual(['view']);
    expect((await t.client().post(`/api/spaces/${space.id}/join`, {})).status).toBe(401);
  });

  it('a space by invitation only refuses with a reason and adds no one', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'invitation' });
    const person = await buildSignedInUser(t);
    expect((await person.client.get(`/api/spaces/${space.id}`)).body.allowedActions).not.toEqual(expect.arrayContaining(['join']));
    const refused = await person.client.post(`/api/spaces/${space.id}/join`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/inbjudan/);
    expect(await memberIds(leader.client, space.id)).not.toContain(person.id);
  });

  it('a members-only space stays 404 to outsiders, whatever its join policy says', async () => {
    const { space } = await ledSpace({ visibility: 'members', joinPolicy: 'open' });
    const person = await buildSignedInUser(t);
    expect((await person.client.post(`/api/spaces/${space.id}/join`, {})).status).toBe(404);
    expect((await person.client.get(`/api/spaces/${space.id}/join`)).status).toBe(404);
    expect(
      (await t.deps.db.selectFrom('memberships').select('user_id').where('space_id', '=', space.id).execute()).map((m) => m.user_id),
    ).not.toContain(person.id);
  });

  it('an archived space takes no one', async () => {
    const { space } = await ledSpace({ joinPolicy: 'open', archived: true });
    const person = await buildSignedInUser(t);
    expect((await person.client.post(`/api/spaces/${space.id}/join`, {})).status).toBe(409);
  });
});

describe('requests to join', () => {
  it('a request waits for a leader, who is told by e-mail; accepting makes a member and tells the requester', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'request' });
    const person = await buildSignedInUser(t, { name: 'Anna i Särna', language: 'en' });
    expect((await person.client.get(`/api/spaces/${space.id}`)).body.allowedActions).toContain('request_to_join');
    const asked = await person.client.post(`/api/spaces/${space.id}/join`, { message: 'Jag driver byalaget i Särna.' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ outcome: 'requested', space: { myRole: null } });
    expect((await person.client.get(`/api/spaces/${space.id}/join`)).body).toMatchObject({ status: 'pending', decidedAt: null });
    expect((await person.client.post(`/api/spaces/${space.id}/join`, {})).status).toBe(409);

    const mailToLeader = (await t.outboxFor(leader.email))[0]!;
    expect(mailToLeader.subject).toContain(space.name);
    expect(mailToLeader.text).toContain('Anna i Särna');
    expect(mailToLeader.text).toContain('Jag driver byalaget i Särna.');

    const pending = await leader.client.get(`/api/spaces/${space.id}/join-requests`);
    expect(pending.body).toEqual([
      expect.objectContaining({
        userId: person.id,
        name: 'Anna i Särna',
        email: person.email,
        message: 'Jag driver byalaget i Särna.',
        status: 'pending',
      }),
    ]);
    const accepted = await leader.client.post(`/api/spaces/${space.id}/join-requests/${pending.body[0].id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect(await memberIds(leader.client, space.id)).toContain(person.id);
    expect((await person.client.get(`/api/spaces/${space.id}`)).body.myRole).toBe('member');
    const mailToPerson = (await t.outboxFor(person.email))[0]!;
    expect(mailToPerson.subject).toBe(`Welcome to ${space.name}`);
    expect((await leader.client.get(`/api/spaces/${space.id}/join-requests`)).body).toEqual([]);
    // A request is answered once.
    expect(
      (await leader.client.post(`/api/spaces/${space.id}/join-requests/${pending.body[0].id}/decision`, { decision: 'decline' })).status,
    ).toBe(409);
  });

  it('declining adds no member and tells the requester; they may ask again later', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'request' });
    const person = await buildSignedInUser(t);
    await person.client.post(`/api/spaces/${space.id}/join`, {});
    const [request] = (await leader.client.get(`/api/spaces/${space.id}/join-requests`)).body;
    const declined = await leader.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'decline' });
    expect(declined.body).toMatchObject({ status: 'declined' });
    expect(await memberIds(leader.client, space.id)).not.toContain(person.id);
    expect((await t.outboxFor(person.email))[0]!.text).toContain('inte godtagits');
    expect((await person.client.get(`/api/spaces/${space.id}/join`)).body.status).toBe('declined');
    const actions = (await t.deps.db.selectFrom('audit_log').select('action').where('resource_id', '=', space.id).execute()).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['join_request.create', 'join_request.decline']));
    expect((await person.client.post(`/api/spaces/${space.id}/join`, {})).body.outcome).toBe('requested');
  });

  it('only leaders see and decide requests: a member gets 403, an outsider 404', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'request' });
    const member = await buildSignedInUser(t);
    await buildMembership(t, space.id, member, 'member');
    const facilitator = await buildSignedInUser(t);
    await buildMembership(t, space.id, facilitator, 'facilitator');
    const person = await buildSignedInUser(t);
    const outsider = await buildSignedInUser(t);
    await person.client.post(`/api/spaces/${space.id}/join`, {});
    const [request] = (await leader.client.get(`/api/spaces/${space.id}/join-requests`)).body;
    expect((await member.client.get(`/api/spaces/${space.id}/join-requests`)).status).toBe(403);
    expect((await member.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'accept' })).status).toBe(
      403,
    );
    expect((await outsider.client.get(`/api/spaces/${space.id}/join-requests`)).status).toBe(404);
    expect(
      (await outsider.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'accept' })).status,
    ).toBe(404);
    // The requester cannot let themselves in.
    expect((await person.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'accept' })).status).toBe(
      404,
    );
    expect(await memberIds(leader.client, space.id)).not.toContain(person.id);
    // A facilitator leads too.
    expect(
      (await facilitator.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'accept' })).body.status,
    ).toBe('accepted');
  });

  it('a request from another space cannot be decided through this one', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'request' });
    const other = await ledSpace({ joinPolicy: 'request' });
    const person = await buildSignedInUser(t);
    await person.client.post(`/api/spaces/${other.space.id}/join`, {});
    const [request] = (await other.leader.client.get(`/api/spaces/${other.space.id}/join-requests`)).body;
    expect((await leader.client.post(`/api/spaces/${space.id}/join-requests/${request.id}/decision`, { decision: 'accept' })).status).toBe(
      404,
    );
    expect(await memberIds(other.leader.client, other.space.id)).not.toContain(person.id);
  });

  it('the requester may withdraw a pending request', async () => {
    const { leader, space } = await ledSpace({ joinPolicy: 'request' });
    const person = await buildSignedInUser(t);
    await person.client.post(`/api/spaces/${space.id}/join`, {});
    expect((await person.client.delete(`/api/spaces/${space.id}/join`)).status).toBe(204);
    expect((await person.client.get(`/api/spaces/${space.id}/join`)).body.status).toBe('withdrawn');
    expect((await leader.client.get(`/api/spaces/${space.id}/join-requests`)).body).toEqual([]);
    expect((await person.client.delete(`/api/spaces/${space.id}/join`)).status).toBe(404);
  });

  it('a space admin sets the join policy; a members-only space answers "by invitation"', async () => {
    const { leader, space } = await ledSpace({});
    const patched = await leader.client.patch(`/api/spaces/${space.id}`, { joinPolicy: 'request' });
    expect(patched.body.joinPolicy).toBe('request');
    const bad = await leader.client.patch(`/api/spaces/${space.id}`, { joinPolicy: 'everyone' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.joinPolicy).toContain('på förfrågan');
    const hidden = await leader.client.patch(`/api/spaces/${space.id}`, { visibility: 'members' });
    expect(hidden.body.joinPolicy).toBe('invitation');
  });

  it('requests are in the person’s data export and go with their account', async () => {
    const { space } = await ledSpace({ joinPolicy: 'request' });
    const person = await buildSignedInUser(t);
    await person.client.post(`/api/spaces/${space.id}/join`, { message: 'Hej från Idre' });
    const { personalDataProviders } = await import('../../../personal-data.ts');
    const provider = personalDataProviders.find((p) => p.key === 'joinRequests')!;
    const subject = { userId: person.id, email: person.email };
    expect(await provider.collect(t.deps, subject)).toEqual([
      expect.objectContaining({ space: { id: space.id, name: space.name }, message: 'Hej från Idre', status: 'pending' }),
    ]);
    await t.deps.db
      .transaction()
      .execute((trx) => provider.erase(t.deps, trx, { actor: { kind: 'anonymous' }, requestId: 'test' } as never, subject));
    expect(await provider.collect(t.deps, subject)).toEqual([]);
  });
});
