import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../../http/routes.ts';
import { createTestApp, PASSWORD, tokenFromMail, type TestApp } from '../../../test/app.ts';

/** Issue 14 §1.9: what a password reset or change takes away, one live link, token scopes, the password rule. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function newToken(client: Awaited<ReturnType<TestApp['user']>>['client'], scopes?: string[]) {
  const created = await client.post('/api/me/tokens', { name: 'Integration', ...(scopes ? { scopes } : {}) });
  expect(created.status).toBe(201);
  return created.body.token as string;
}

let address = 0;
/** Requests a link from a fresh address and returns the token of the mail it sent. */
async function linkFor(email: string, kind: 'magic-link' | 'password-reset') {
  const before = new Set((await t.outboxFor(email)).map((m) => m.text));
  expect((await t.client({ ip: `198.51.100.${++address}` }).post(`/api/auth/${kind}`, { email })).status).toBe(202);
  const sent = (await t.outboxFor(email)).filter((m) => !before.has(m.text));
  expect(sent).toHaveLength(1);
  return tokenFromMail(sent[0]!.text);
}

describe('a password reset', () => {
  it('revokes every API token, every outstanding link and every session', async () => {
    const { email, client } = await t.user();
    const token = await newToken(client, ['read', 'write']);
    const magic = await linkFor(email, 'magic-link');
    const reset = await linkFor(email, 'password-reset');
    expect((await t.client({ token, origin: null }).get('/api/me')).body.user?.email).toBe(email);

    const done = await t.client().post('/api/auth/password-reset/complete', { token: reset, password: 'a-brand-new-passphrase' });
    expect(done.status).toBe(200);
    expect((await t.client({ token, origin: null }).get('/api/me')).body.user).toBeNull();
    expect((await t.client({ token, origin: null }).post('/api/spaces', { name: 'Via token', kind: 'project', visibility: 'public' })).status).toBe(401);
    expect((await client.get('/api/me')).body.user).toBeNull();
    expect((await t.client().post('/api/auth/magic-link/consume', { token: magic })).status).toBe(400);
    const tokens = await t.deps.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').select('api_tokens.revoked_at').where('users.email', '=', email).execute();
    expect(tokens.every((x) => x.revoked_at !== null)).toBe(true);
  });

  it('link stops working once the password was changed in another way', async () => {
    const { email, client } = await t.user();
    const reset = await linkFor(email, 'password-reset');
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'changed-on-the-account-page' })).status).toBe(204);
    const late = await t.client().post('/api/auth/password-reset/complete', { token: reset, password: 'an-attackers-new-passphrase' });
    expect(late.status).toBe(400);
    expect(late.body.error.fields.token).toBe('Länken är ogiltig eller har gått ut.');
    expect((await t.client().post('/api/auth/sign-in', { email, password: 'changed-on-the-account-page' })).status).toBe(200);
  });
});

describe('a password change', () => {
  it('revokes API tokens, links and other sessions, but keeps the current session', async () => {
    const { email, client } = await t.user();
    const other = await t.signIn(email);
    const token = await newToken(client, ['read']);
    const magic = await linkFor(email, 'magic-link');
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'another-long-passphrase' })).status).toBe(204);
    expect((await client.get('/api/me')).body.user?.email).toBe(email);
    expect((await other.get('/api/me')).body.user).toBeNull();
    expect((await t.client({ token, origin: null }).get('/api/me')).body.user).toBeNull();
    expect((await t.client().post('/api/auth/magic-link/consume', { token: magic })).status).toBe(400);
  });
});

describe('magic links', () => {
  it('only the newest link of an account works', async () => {
    const { email } = await t.user();
    const first = await linkFor(email, 'magic-link');
    const second = await linkFor(email, 'magic-link');
    expect(second).not.toBe(first);
    expect((await t.client().post('/api/auth/magic-link/consume', { token: first })).status).toBe(400);
    expect((await t.client().post('/api/auth/magic-link/consume', { token: second })).status).toBe(200);
  });
});

describe('API token scopes', () => {
  it('a read token may only read', async () => {
    const { client, email } = await t.user();
    const token = await newToken(client, ['read']);
    const api = t.client({ token, origin: null });
    expect((await api.get('/api/me')).body.user.email).toBe(email);
    expect((await api.get('/api/spaces?mine=true')).status).toBe(200);
    const write = await api.post('/api/spaces', { name: 'Ska inte bli', kind: 'project', visibility: 'public' });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('Nyckeln får bara läsa. Skapa en nyckel med behörigheten ”skriva” för att ändra.');
    expect((await api.request('PATCH', '/api/me', { name: 'Nytt namn' })).status).toBe(403);
    expect((await client.get('/api/spaces?mine=true')).body).toHaveLength(0);
  });

  it('holds on every route of the catalogue: a read token changes nothing anywhere, no token manages sign-in', async () => {
    const { client } = await t.user();
    const reader = t.client({ token: await newToken(client, ['read']), origin: null });
    const writer = t.client({ token: await newToken(client, ['read', 'write']), origin: null });
    const someId = '00000000-0000-4000-8000-000000000000';
    const routes = allRoutes(t.deps);
    expect(routes.filter((r) => r.sessionOnly).map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/me/sessions/:id',
      'DELETE /api/me/tokens/:id',
      // Download my data and delete my account: the person, in a browser, never a script.
      'GET /api/me/data',
      'GET /api/me/deletion',
      'GET /api/me/sessions',
      'GET /api/me/tokens',
      'POST /api/me/delete',
      'POST /api/me/password',
      'POST /api/me/tokens',
    ]);
    for (const route of routes) {
      const path = route.url.replace(/:[A-Za-z]+/g, someId);
      if (route.method !== 'GET') {
        // Admin-only routes do not exist for a non-admin; every other state change is refused by scope.
        const answer = await reader.request(route.method, path, {});
        expect(answer.status, `${route.method} ${route.url}`).toBe(route.access === 'admin' ? 404 : 403);
      }
      if (route.sessionOnly) {
        const answer = await writer.request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        expect(answer.status, `${route.method} ${route.url} with a write token`).toBe(403);
      }
    }
    expect((await client.get('/api/spaces?mine=true')).body).toHaveLength(0);
  });

  it('a token without a scope is a read token', async () => {
    const { client } = await t.user();
    const created = await client.post('/api/me/tokens', { name: 'Utan val' });
    expect(created.status).toBe(201);
    expect(created.body.scopes).toEqual(['read']);
    expect((await t.client({ token: created.body.token, origin: null }).post('/api/spaces', { name: 'Nej', kind: 'project', visibility: 'public' })).status).toBe(403);
  });

  it('a write token may change things', async () => {
    const { client } = await t.user();
    const token = await newToken(client, ['read', 'write']);
    expect((await t.client({ token, origin: null }).post('/api/spaces', { name: 'Via token', kind: 'project', visibility: 'public' })).status).toBe(201);
    const listed = await client.get('/api/me/tokens');
    expect(listed.body[0].scopes).toEqual(['read', 'write']);
  });

  it('admin scope only for admins, and an admin token without it acts as an ordinary user', async () => {
    const { client } = await t.user();
    const refused = await client.post('/api/me/tokens', { name: 'Admin', scopes: ['read', 'admin'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.scopes).toBe('Bara plattformsadministratörer kan skapa nycklar med behörigheten ”administrera”.');

    const admin = await t.user({ isAdmin: true });
    const withAdmin = await newToken(admin.client, ['read', 'write', 'admin']);
    expect((await t.client({ token: withAdmin, origin: null }).get('/api/admin/users')).status).toBe(200);
    const withoutAdmin = await newToken(admin.client, ['read', 'write']);
    const plain = t.client({ token: withoutAdmin, origin: null });
    expect((await plain.get('/api/admin/users')).status).toBe(404);
    expect((await plain.get('/api/me')).body.user.isAdmin).toBe(true);
    expect((await plain.post('/api/admin/users', { email: 'ny@example.org', name: 'Ny' })).status).toBe(404);
  });

  it('a token cannot create tokens or manage the account’s sign-in', async () => {
    const { client } = await t.user();
    const token = await newToken(client, ['read', 'write']);
    const api = t.client({ token, origin: null });
    const minted = await api.post('/api/me/tokens', { name: 'Från token', scopes: ['read', 'write'] });
    expect(minted.status).toBe(403);
    expect(minted.body.error.message).toBe('Det här kräver att du är inloggad i webbläsaren; en API-nyckel räcker inte.');
    expect((await api.get('/api/me/tokens')).status).toBe(403);
    expect((await api.get('/api/me/sessions')).status).toBe(403);
    expect((await api.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'a-token-chosen-passphrase' })).status).toBe(403);
    expect((await client.get('/api/me/tokens')).body).toHaveLength(1);
  });
});

describe('the password rule', () => {
  it('refuses common and breached passwords, in Swedish and English', async () => {
    const { client } = await t.user();
    const common = await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'password12' });
    expect(common.status).toBe(400);
    expect(common.body.error.fields.newPassword).toBe('Lösenordet är för vanligt: det finns i listor över läckta lösenord. Välj ett annat.');
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'QWERTYUIOP' })).status).toBe(400);
    const english = t.client({ language: 'en' });
    english.cookie = client.cookie;
    await english.patch('/api/me', { language: 'en' });
    const inEnglish = await english.post('/api/me/password', { currentPassword: PASSWORD, newPassword: '1234567890' });
    expect(inEnglish.body.error.fields.newPassword).toBe('This password is too common: it appears in lists of leaked passwords. Choose another.');
  });

  it('refuses the e-mail address, its local part and the platform’s name', async () => {
    const { client } = await t.user({ email: 'kerstin.lindqvist@kommun.example' });
    for (const newPassword of ['kerstin.lindqvist@kommun.example', 'Kerstin.Lindqvist2024', 'samhandling', 'Samhandling-2026!']) {
      const answer = await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: newPassword.padEnd(10, '!') });
      expect(answer.status, newPassword).toBe(400);
      expect(answer.body.error.fields.newPassword).toBe('Lösenordet får inte innehålla din e-postadress, namnet före @ eller ”samhandling”.');
    }
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'fjällbjörk-och-myr' })).status).toBe(204);
  });

  it('applies to password resets, accounts made by admins and accepted invitations too', async () => {
    const { email } = await t.user();
    const reset = await linkFor(email, 'password-reset');
    const weak = await t.client().post('/api/auth/password-reset/complete', { token: reset, password: 'iloveyou123' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toContain('för vanligt');
    // The link is not used up by a refused password.
    expect((await t.client().post('/api/auth/password-reset/complete', { token: reset, password: 'a-far-better-passphrase' })).status).toBe(200);

    const admin = await t.user({ isAdmin: true });
    const made = await admin.client.post('/api/admin/users', { email: 'ny.person@example.org', name: 'Ny Person', password: 'ny.person-2026' });
    expect(made.status).toBe(400);
    expect(made.body.error.fields.password).toContain('e-postadress');
    expect(await t.deps.db.selectFrom('users').select('id').where('email', '=', 'ny.person@example.org').execute()).toHaveLength(0);

    const lead = await t.user();
    const space = await lead.client.post('/api/spaces', { name: 'Inbjudan', kind: 'project', visibility: 'members' });
    expect((await lead.client.post(`/api/spaces/${space.body.id}/members`, { email: 'inbjuden@example.org', role: 'member' })).status).toBe(201);
    const invitation = tokenFromMail((await t.outboxFor('inbjuden@example.org'))[0]!.text);
    const accepted = await t.client().post('/api/invitations/accept', { token: invitation, name: 'Inbjuden', password: 'football123' });
    expect(accepted.status).toBe(400);
    expect(accepted.body.error.fields.password).toContain('för vanligt');
    expect(await t.deps.db.selectFrom('users').select('id').where('email', '=', 'inbjuden@example.org').execute()).toHaveLength(0);
    expect((await t.client().post('/api/invitations/accept', { token: invitation, name: 'Inbjuden', password: 'ett-bra-losenord' })).status).toBe(200);
  });
});
