import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildMembership, buildSignedInUser, buildSpace } from '../../../test/factories.ts';
import { personalDataProviders } from '../../../personal-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const profile = {
  organisation: 'Särna-Idre byalag',
  sector: 'civil_society',
  municipalityCode: '2039',
  presentation: 'Ordförande i byalaget; arbetar med servicepunkten i Idre.',
};

describe('profiles', () => {
  it('a person saves their profile and reads it back; the answer names the municipality', async () => {
    const person = await buildSignedInUser(t, { name: 'Karin Bybo' });
    expect((await person.client.get('/api/me/profile')).body).toMatchObject({ organisation: '', visibility: 'members', updatedAt: null });
    const saved = await person.client.request('PUT', '/api/me/profile', { ...profile, visibility: 'everyone' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...profile, visibility: 'everyone' });
    const shown = await t.client().get(`/api/users/${person.id}/profile`);
    expect(shown.body).toMatchObject({
      name: 'Karin Bybo',
      organisation: profile.organisation,
      sector: 'civil_society',
      municipality: { code: '2039', name: 'Älvdalen' },
      isMe: false,
    });
    expect(JSON.stringify(shown.body)).not.toContain(person.email);
  });

  it('refuses an unknown municipality or sector, per field, and keeps the old profile', async () => {
    const person = await buildSignedInUser(t);
    await person.client.request('PUT', '/api/me/profile', profile);
    const bad = await person.client.request('PUT', '/api/me/profile', { ...profile, municipalityCode: '9999', sector: 'church' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['sector']);
    const unknown = await person.client.request('PUT', '/api/me/profile', { ...profile, municipalityCode: '9999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.municipalityCode).toBeTruthy();
    expect((await person.client.get('/api/me/profile')).body.municipalityCode).toBe('2039');
  });

  it('"members" shows the profile to people who share a space, and to no one else', async () => {
    const person = await buildSignedInUser(t);
    const fellow = await buildSignedInUser(t);
    const stranger = await buildSignedInUser(t);
    const admin = await buildSignedInUser(t, { isAdmin: true });
    const space = await buildSpace(t, {
      visibility: 'members',
      members: [
        { user: person, role: 'member' },
        { user: fellow, role: 'observer' },
      ],
    });
    await person.client.request('PUT', '/api/me/profile', { ...profile, visibility: 'members' });
    const seen = await fellow.client.get(`/api/users/${person.id}/profile`);
    expect(seen.status).toBe(200);
    expect(seen.body.spaces).toEqual([{ id: space.id, name: space.name }]);
    expect((await stranger.client.get(`/api/users/${person.id}/profile`)).status).toBe(404);
    expect((await t.client().get(`/api/users/${person.id}/profile`)).status).toBe(404);
    expect((await admin.client.get(`/api/users/${person.id}/profile`)).status).toBe(404);
    // The member list links the profile for the fellow member.
    const members = (await fellow.client.get(`/api/spaces/${space.id}/members`)).body as { userId: string; hasProfile: boolean }[];
    expect(members.find((m) => m.userId === person.id)?.hasProfile).toBe(true);
    expect(members.find((m) => m.userId === fellow.id)?.hasProfile).toBe(false);
  });

  it('"nobody" hides it from everyone but the person, in member lists too', async () => {
    const person = await buildSignedInUser(t);
    const fellow = await buildSignedInUser(t);
    const space = await buildSpace(t, { members: [{ user: person, role: 'member' }] });
    await buildMembership(t, space.id, fellow, 'member');
    await person.client.request('PUT', '/api/me/profile', { ...profile, visibility: 'nobody' });
    expect((await fellow.client.get(`/api/users/${person.id}/profile`)).status).toBe(404);
    expect((await person.client.get(`/api/users/${person.id}/profile`)).body).toMatchObject({
      isMe: true,
      organisation: profile.organisation,
    });
    const members = (await fellow.client.get(`/api/spaces/${space.id}/members`)).body as { userId: string; hasProfile: boolean }[];
    expect(members.find((m) => m.userId === person.id)?.hasProfile).toBe(false);
  });

  it('a profile names only the spaces the caller may know of', async () => {
    const person = await buildSignedInUser(t);
    const viewer = await buildSignedInUser(t);
    const open = await buildSpace(t, { visibility: 'public', members: [{ user: person, role: 'member' }] });
    const hidden = await buildSpace(t, { visibility: 'members', members: [{ user: person, role: 'member' }] });
    await person.client.request('PUT', '/api/me/profile', { ...profile, visibility: 'everyone' });
    const ids = ((await viewer.client.get(`/api/users/${person.id}/profile`)).body.spaces as { id: string }[]).map((s) => s.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(hidden.id);
  });

  it('the profile is in the person’s data export and goes with the account; no presentation text in the audit log', async () => {
    const person = await buildSignedInUser(t);
    await person.client.request('PUT', '/api/me/profile', profile);
    const provider = personalDataProviders.find((p) => p.key === 'profile')!;
    const subject = { userId: person.id, email: person.email };
    expect(await provider.collect(t.deps, subject)).toEqual([
      expect.objectContaining({ organisation: profile.organisation, presentation: profile.presentation }),
    ]);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('resource_id', '=', person.id).execute();
    expect(audit.map((a) => a.action)).toContain('profile.update');
    expect(JSON.stringify(audit)).not.toContain('Ordförande');
    await t.deps.db
      .transaction()
      .execute((trx) => provider.erase(t.deps, trx, { actor: { kind: 'anonymous' }, requestId: 'test' } as never, subject));
    expect(await provider.collect(t.deps, subject)).toEqual([]);
    expect((await t.client().get(`/api/users/${person.id}/profile`)).status).toBe(404);
  });

  it('only a signed-in person has a profile to edit', async () => {
    expect((await t.client().get('/api/me/profile')).status).toBe(401);
    expect((await t.client().request('PUT', '/api/me/profile', profile)).status).toBe(401);
  });
});
