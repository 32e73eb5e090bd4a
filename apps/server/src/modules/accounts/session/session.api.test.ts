import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type Client, type TestApp } from '../../../test/app.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieLine = (headers: Record<string, unknown>) => {
  const value = headers['set-cookie'];
  return String(Array.isArray(value) ? value[0] : value);
};

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and carries a random 256-bit token, stored only as a hash', async () => {
    const { email } = await t.user();
    const client = t.client();
    const answer = await client.post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body.user.email).toBe(email);
    const line = cookieLine(answer.headers);
    expect(line).toMatch(/^samhandling_session=[A-Za-z0-9_-]{43};/);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).not.toContain('Secure');
    const token = line.split(';')[0]!.split('=')[1]!;
    const stored = await t.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('uses the __Host- prefix and Secure when served over https', async () => {
    const https = await createTestApp({ config: { publicUrl: 'https://samhandling.example.org' } });
    try {
      const { email } = await https.user();
      const answer = await https.client({ origin: 'https://samhandling.example.org' }).post('/api/auth/sign-in', { email, password: PASSWORD });
      const line = cookieLine(answer.headers);
      expect(line).toMatch(/^__Host-samhandling_session=/);
      expect(line).toContain('Secure');
      expect(line).toContain('Path=/');
      expect(line).not.toContain('Domain=');
    } finally {
      await https.close();
    }
  });
});

describe('session lifecycle', () => {
  it('gives a new session id at sign-in, so a planted cookie never becomes signed in (fixation)', async () => {
    const { email } = await t.user();
    const client = t.client();
    client.cookie = 'samhandling_session=planted-by-attacker-aaaaaaaaaaaaaaaaaaaaaaaaaa';
    await client.post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(client.cookie).not.toContain('planted-by-attacker');
    const attacker = t.client();
    attacker.cookie = 'samhandling_session=planted-by-attacker-aaaaaaaaaaaaaaaaaaaaaaaaaa';
    expect((await attacker.get('/api/me')).body.user).toBeNull();
  });

  it('kills the server session at sign-out: a replayed cookie is no longer signed in', async () => {
    const { client } = await t.user();
    const stolen = client.cookie!;
    expect((await client.get('/api/me')).body.user).not.toBeNull();
    const out = await client.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    // The session cookie is gone; the browser's device cookie (no session in it) stays.
    expect(client.cookie ?? '').not.toContain('samhandling_session');
    const replay = t.client();
    replay.cookie = stolen;
    expect((await replay.get('/api/me')).body.user).toBeNull();
    expect((await replay.get('/api/me/sessions')).status).toBe(401);
  });

  it('expires after 30 minutes without use', async () => {
    const { client } = await t.user();
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await client.get('/api/me')).body.user).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS - 60_000); // used a minute before: still within the idle window
    expect((await client.get('/api/me')).body.user).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS + 1000);
    expect((await client.get('/api/me')).body.user).toBeNull();
  });

  it('expires 12 hours after sign-in however actively it is used', async () => {
    const { client } = await t.user();
    const steps = Math.floor(SESSION_ABSOLUTE_MS / (20 * 60 * 1000));
    for (let i = 0; i < steps - 1; i++) {
      t.clock.advance(20 * 60 * 1000);
      expect((await client.get('/api/me')).body.user, `after ${(i + 1) * 20} min`).not.toBeNull();
    }
    t.clock.advance(SESSION_ABSOLUTE_MS - (steps - 1) * 20 * 60 * 1000 + 1000);
    expect((await client.get('/api/me')).body.user).toBeNull();
  });
});

describe('own sessions', () => {
  it('lists one’s sessions and revokes one of them', async () => {
    const { client: laptop, email } = await t.user();
    const phone = await t.signIn(email);
    const list = await laptop.get('/api/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = list.body.find((s: { current: boolean }) => !s.current);
    expect((await laptop.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/me')).body.user).toBeNull();
    expect((await laptop.get('/api/me')).body.user).not.toBeNull();
  });

  it('cannot revoke another user’s session (404)', async () => {
    const { client: alice } = await t.user();
    const { client: bob } = await t.user();
    const bobs = await bob.get('/api/me/sessions');
    expect((await alice.delete(`/api/me/sessions/${bobs.body[0].id}`)).status).toBe(404);
    expect((await bob.get('/api/me')).body.user).not.toBeNull();
  });
});

describe('who is signed in, request after request (the embedded database keeps sessions in memory)', () => {
  /** The signed-in user as the server sees them, or null. */
  const me = async (client: Client) => (await client.get<{ user: { name: string; language: string } | null }>('/api/me')).body.user;

  it('sees a change to the account or the session at the next request, however it was written', async () => {
    const { client, id } = await t.user({ name: 'Före Namnbyte' });
    // Twice, so that a kept session would answer the second time.
    expect((await me(client))?.name).toBe('Före Namnbyte');
    expect((await me(client))?.name).toBe('Före Namnbyte');

    await t.deps.db.updateTable('users').set({ name: 'Efter Namnbyte', language: 'en' }).where('id', '=', id).execute();
    const renamed = await me(client);
    expect(renamed?.name).toBe('Efter Namnbyte');
    expect(renamed?.language).toBe('en');

    await t.deps.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', id).execute();
    expect(await me(client)).toBeNull();
    await t.deps.db.updateTable('users').set({ disabled_at: null }).where('id', '=', id).execute();
    expect(await me(client)).not.toBeNull();

    await t.deps.db.updateTable('sessions').set({ revoked_at: t.clock.now() }).where('user_id', '=', id).execute();
    expect(await me(client)).toBeNull();
  });

  it('ends a session signed out elsewhere, and one whose account is deleted', async () => {
    const { client, email, id } = await t.user();
    const other = await t.signIn(email);
    expect(await me(client)).not.toBeNull();
    const sessions = (await other.get('/api/me/sessions')).body as { id: string; current: boolean }[];
    const first = sessions.find((s) => !s.current)!;
    expect((await other.delete(`/api/me/sessions/${first.id}`)).status).toBe(204);
    expect(await me(client)).toBeNull();

    expect(await me(other)).not.toBeNull();
    await t.deps.db.deleteFrom('users').where('id', '=', id).execute();
    expect(await me(other)).toBeNull();
  });

  it('still ends an idle session after the idle time, and touches an active one', async () => {
    const { client } = await t.user();
    expect(await me(client)).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect(await me(client)).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    // Touched at the last request: still signed in although more than the idle time since sign-in.
    expect(await me(client)).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS + 1000);
    expect(await me(client)).toBeNull();
  });
});
