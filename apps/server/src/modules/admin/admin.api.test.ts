import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app.ts';

let t: TestApp;
let admin: Client;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const created = await t.user({ isAdmin: true, name: 'Plattformsadmin' });
  admin = created.client;
  adminId = created.id;
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records every write with actor, action, resource, request id and UTC time', async () => {
    const { client, id } = await t.user();
    const created = await client.post('/api/spaces', { name: 'Granskad arena', kind: 'alliance', visibility: 'public', municipalityCodes: ['2580'] });
    const requestId = created.headers['x-request-id'];
    const log = await admin.get(`/api/admin/audit?resourceType=space&resourceId=${created.body.id}`);
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(1);
    const [entry] = log.body;
    expect(entry).toMatchObject({ action: 'space.create', actorId: id, resourceType: 'space', resourceId: created.body.id, requestId });
    expect(entry.at).toMatch(/Z$/);
    expect(Math.abs(new Date(entry.at).getTime() - t.clock.now().getTime())).toBeLessThan(1000);
  });

  it('filters by action prefix, actor and time', async () => {
    const { client, id } = await t.user();
    await client.patch('/api/me', { name: 'Bytt namn' });
    const byActor = await admin.get(`/api/admin/audit?actorId=${id}`);
    expect(byActor.body.map((e: { action: string }) => e.action)).toEqual(['user.update_self', 'session.start']);
    const prefix = await admin.get(`/api/admin/audit?actorId=${id}&action=session.`);
    expect(prefix.body.map((e: { action: string }) => e.action)).toEqual(['session.start']);
    const future = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await admin.get(`/api/admin/audit?actorId=${id}&from=${encodeURIComponent(future)}`)).body).toHaveLength(0);
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    expect((await admin.get('/api/admin/audit?action=forged')).body).toHaveLength(0);
  });

  it('is for platform admins only (404 for others)', async () => {
    const { client } = await t.user();
    expect((await client.get('/api/admin/audit')).status).toBe(404);
    expect((await t.client().get('/api/admin/audit')).status).toBe(401);
  });
});

describe('outbox', () => {
  it('shows admins the e-mails with recipients, subject and text', async () => {
    const { email } = await t.user();
    await t.client().post('/api/auth/password-reset', { email });
    const outbox = await admin.get(`/api/admin/outbox?to=${encodeURIComponent(email)}`);
    expect(outbox.status).toBe(200);
    expect(outbox.body).toHaveLength(1);
    expect(outbox.body[0]).toMatchObject({ recipients: [email], subject: 'Återställ ditt lösenord i Samhandling', status: 'stored', attachments: [] });
    expect(outbox.body[0].text).toContain('/reset-password#token=');
  });

  it('is hidden from non-admins', async () => {
    const { client } = await t.user();
    expect((await client.get('/api/admin/outbox')).status).toBe(404);
  });
});

describe('user administration', () => {
  it('lets admins create users, grant admin and disable accounts (which ends their sessions)', async () => {
    const created = await admin.post('/api/admin/users', { email: 'Ny.Handlaggare@Example.org', name: 'Ny Handläggare', password: 'ett-langt-losenord' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ny.handlaggare@example.org', isAdmin: false, disabled: false });
    const session = await t.signIn('ny.handlaggare@example.org', 'ett-langt-losenord');
    const promoted = await admin.patch(`/api/admin/users/${created.body.id}`, { isAdmin: true });
    expect(promoted.body.isAdmin).toBe(true);
    const disabled = await admin.patch(`/api/admin/users/${created.body.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await session.get('/api/me')).body.user).toBeNull();
    expect((await t.client().post('/api/auth/sign-in', { email: 'ny.handlaggare@example.org', password: 'ett-langt-losenord' })).status).toBe(401);
    const duplicate = await admin.post('/api/admin/users', { email: 'ny.handlaggare@example.org', name: 'Igen' });
    expect(duplicate.status).toBe(409);
  });

  it('does not let an admin remove their own admin role or disable themselves', async () => {
    expect((await admin.patch(`/api/admin/users/${adminId}`, { isAdmin: false })).status).toBe(403);
    expect((await admin.patch(`/api/admin/users/${adminId}`, { disabled: true })).status).toBe(403);
    expect((await admin.get('/api/me')).body.user.isAdmin).toBe(true);
  });

  it('lists users in Swedish order and filters by name or address', async () => {
    await admin.post('/api/admin/users', { email: 'orjan@example.org', name: 'Örjan Exempel' });
    await admin.post('/api/admin/users', { email: 'ake@example.org', name: 'Åke Exempel' });
    const list = await admin.get('/api/admin/users?q=Exempel');
    expect(list.body.map((u: { name: string }) => u.name)).toEqual(['Åke Exempel', 'Örjan Exempel']);
  });
});
