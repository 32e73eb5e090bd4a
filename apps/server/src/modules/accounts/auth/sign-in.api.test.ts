import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, PASSWORD, tokenFromMail, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/auth/sign-in', () => {
  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { email } = await t.user();
    const wrong = await t.client().post('/api/auth/sign-in', { email, password: 'wrong-password' });
    const unknown = await t.client().post('/api/auth/sign-in', { email: 'nobody@example.org', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('is case-insensitive on the e-mail address', async () => {
    const { email } = await t.user();
    const answer = await t.client().post('/api/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD });
    expect(answer.status).toBe(200);
  });
  // The limits on failed sign-ins and the account lock: lockout.api.test.ts.
});

describe('magic link', () => {
  it('e-mails a one-time link that signs in once', async () => {
    const { email } = await t.user();
    const request = await t.client().post('/api/auth/magic-link', { email });
    expect(request.status).toBe(202);
    const [mail] = await t.outboxFor(email);
    expect(mail!.subject).toBe('Din inloggningslänk till Samhandling');
    expect(mail!.text).toContain(`${ORIGIN}/sign-in/link#token=`);
    const token = tokenFromMail(mail!.text);
    const client = t.client();
    const first = await client.post('/api/auth/magic-link/consume', { token });
    expect(first.status).toBe(200);
    expect(first.body.user.email).toBe(email);
    expect((await client.get('/api/me')).body.user.email).toBe(email);
    const again = await t.client().post('/api/auth/magic-link/consume', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.token).toBe('Länken är ogiltig eller har gått ut.');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const answer = await t.client().post('/api/auth/magic-link', { email: 'nobody-here@example.org' });
    expect(answer.status).toBe(202);
    expect(await t.outboxFor('nobody-here@example.org')).toHaveLength(0);
  });

  it('expires after 15 minutes', async () => {
    const { email } = await t.user();
    await t.client().post('/api/auth/magic-link', { email });
    const token = tokenFromMail((await t.outboxFor(email))[0]!.text);
    t.clock.advance(16 * 60 * 1000);
    expect((await t.client().post('/api/auth/magic-link/consume', { token })).status).toBe(400);
  });
});

describe('password reset', () => {
  it('sets a new password by the e-mailed link and ends all old sessions', async () => {
    const { email, client: oldSession } = await t.user();
    await t.client().post('/api/auth/password-reset', { email });
    const token = tokenFromMail((await t.outboxFor(email))[0]!.text);
    const weak = await t.client().post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toBe('Lösenordet måste vara minst 10 tecken.');
    const done = await t.client().post('/api/auth/password-reset/complete', { token, password: 'a-brand-new-password' });
    expect(done.status).toBe(200);
    expect((await oldSession.get('/api/me')).body.user).toBeNull();
    expect((await t.client().post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    expect((await t.client().post('/api/auth/sign-in', { email, password: 'a-brand-new-password' })).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated state change from another origin or without Origin', async () => {
    const { client } = await t.user();
    const foreign = await client.post('/api/spaces', { name: 'Från annan sajt', kind: 'project', visibility: 'public' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe('Begäran kom från en annan webbplats och stoppades.');
    const missing = t.client({ origin: null });
    missing.cookie = client.cookie;
    expect((await missing.post('/api/spaces', { name: 'Utan origin', kind: 'project', visibility: 'public' })).status).toBe(403);
    const spaces = await client.get('/api/spaces?mine=true');
    expect(spaces.body).toHaveLength(0);
  });

  it('refuses a cross-site sign-in attempt (login CSRF)', async () => {
    const { email } = await t.user();
    const answer = await t.client({ origin: 'https://evil.example' }).post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(answer.status).toBe(403);
  });

  it('does not apply to personal API tokens sent as Bearer', async () => {
    const { client } = await t.user();
    const created = await client.post('/api/me/tokens', { name: 'Integration', scopes: ['read', 'write'] });
    const api = t.client({ token: created.body.token, origin: null });
    const answer = await api.post('/api/spaces', { name: 'Via token', kind: 'project', visibility: 'public' });
    expect(answer.status).toBe(201);
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored hashed, act as their user and stop working when revoked', async () => {
    const { client, id } = await t.user();
    const created = await client.post('/api/me/tokens', { name: 'Kalkylark' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^smh_[A-Za-z0-9_-]{43}$/);
    const listed = await client.get('/api/me/tokens');
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).not.toHaveProperty('token');
    const stored = await t.deps.db.selectFrom('api_tokens').select('token_hash').where('user_id', '=', id).execute();
    expect(stored[0]!.token_hash).not.toContain(created.body.token.slice(4));
    const api = t.client({ token: created.body.token });
    expect((await api.get('/api/me')).body.user.id).toBe(id);
    expect((await client.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await api.get('/api/me')).body.user).toBeNull();
  });

  it('follow the same policies as their user: no admin routes for a non-admin', async () => {
    const { client } = await t.user();
    const created = await client.post('/api/me/tokens', { name: 'Försök' });
    const api = t.client({ token: created.body.token });
    expect((await api.get('/api/admin/users')).status).toBe(404);
  });
});

describe('own account', () => {
  it('lets a user change name and language but never make themselves admin (mass assignment)', async () => {
    const { client } = await t.user();
    const renamed = await client.patch('/api/me', { name: 'Nytt Namn', language: 'en' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user).toMatchObject({ name: 'Nytt Namn', language: 'en', isAdmin: false });
    const escalate = await client.patch('/api/me', { isAdmin: true });
    expect(escalate.status).toBe(400);
    expect(escalate.body.error.fields).toHaveProperty('isAdmin');
    expect((await client.get('/api/me')).body.user.isAdmin).toBe(false);
    // The saved language now decides the language of errors.
    const error = await client.post('/api/spaces', { name: '' , kind: 'project', visibility: 'public' });
    expect(error.body.error.message).toBe('The data is not valid. Correct the marked fields.');
  });

  it('changes the password with the current one and ends other sessions', async () => {
    const { client, email } = await t.user();
    const other = await t.signIn(email);
    const wrong = await client.post('/api/me/password', { currentPassword: 'not-it-at-all', newPassword: 'another-long-password' });
    expect(wrong.status).toBe(400);
    const ok = await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'another-long-password' });
    expect(ok.status).toBe(204);
    expect((await other.get('/api/me')).body.user).toBeNull();
    expect((await client.get('/api/me')).body.user).not.toBeNull();
  });
});
