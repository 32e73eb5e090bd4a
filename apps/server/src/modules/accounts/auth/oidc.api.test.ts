import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockOidcIssuer } from '../../../test/mock-oidc-issuer.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';

let issuer: MockOidcIssuer;
let t: TestApp;

beforeAll(async () => {
  issuer = new MockOidcIssuer();
  await issuer.start();
  t = await createTestApp({
    config: { oidc: { issuer: issuer.issuer, clientId: issuer.clientId, clientSecret: issuer.clientSecret, name: 'Testkommunens inloggning' } },
  });
});
afterAll(async () => {
  await t.close();
  await issuer.stop();
});

/** Plays the browser: start, sign in at the provider, come back to the callback. */
async function signInThroughProvider(
  client: Client,
  claims: Record<string, unknown>,
  options: { misbehave?: Parameters<MockOidcIssuer['authorize']>[2]; tamperState?: boolean } = {},
) {
  const start = await client.get('/api/auth/oidc/start?returnTo=/spaces');
  expect(start.status).toBe(302);
  const authorizationUrl = String(start.headers.location);
  expect(authorizationUrl.startsWith(`${issuer.issuer}/authorize?`)).toBe(true);
  const params = new URL(authorizationUrl).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('response_type')).toBe('code');
  expect(params.get('nonce')).toBeTruthy();
  const { code, state, redirectUri } = issuer.authorize(authorizationUrl, claims, options.misbehave);
  const callback = new URL(redirectUri);
  callback.searchParams.set('code', code);
  callback.searchParams.set('state', options.tamperState ? state.slice(0, -2) + 'xx' : state);
  return client.get(callback.pathname + callback.search);
}

describe('OIDC sign-in', () => {
  it('is announced in the public settings', async () => {
    expect((await t.client().get('/api/settings')).body.oidc).toEqual({ name: 'Testkommunens inloggning' });
  });

  it('signs in a new user with code + PKCE and returns to where they were', async () => {
    const client = t.client();
    const answer = await signInThroughProvider(client, { sub: 'emp-1001', email: 'Kerstin.Exempel@kommun.example', email_verified: true, name: 'Kerstin Exempel' });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/spaces');
    const me = await client.get('/api/me');
    expect(me.body.user).toMatchObject({ email: 'kerstin.exempel@kommun.example', name: 'Kerstin Exempel', isAdmin: false, hasPassword: false });
    // The same person again lands in the same account.
    const again = t.client();
    await signInThroughProvider(again, { sub: 'emp-1001', email: 'kerstin.exempel@kommun.example', email_verified: true });
    expect((await again.get('/api/me')).body.user.id).toBe(me.body.user.id);
  });

  it('links an existing account on a verified address', async () => {
    const { id, email } = await t.user();
    const client = t.client();
    await signInThroughProvider(client, { sub: 'emp-2002', email, email_verified: true, name: 'X' });
    expect((await client.get('/api/me')).body.user.id).toBe(id);
  });

  it('refuses a callback with the wrong state', async () => {
    const client = t.client();
    const answer = await signInThroughProvider(client, { sub: 'emp-3003', email: 'state@kommun.example', email_verified: true }, { tamperState: true });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/sign-in?error=oidc');
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect((await client.get('/api/me')).body.user).toBeNull();
  });

  it('refuses an ID token with the wrong nonce', async () => {
    const client = t.client();
    const answer = await signInThroughProvider(client, { sub: 'emp-4004', email: 'nonce@kommun.example', email_verified: true }, { misbehave: { overrideNonce: 'replayed-nonce' } });
    expect(answer.headers.location).toBe('/sign-in?error=oidc');
    expect((await client.get('/api/me')).body.user).toBeNull();
    const made = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'nonce@kommun.example').execute();
    expect(made).toHaveLength(0);
  });

  it('refuses an ID token issued to another client (foreign audience)', async () => {
    const client = t.client();
    const answer = await signInThroughProvider(client, { sub: 'emp-5005', email: 'aud@kommun.example', email_verified: true }, { misbehave: { overrideAudience: 'some-other-app' } });
    expect(answer.headers.location).toBe('/sign-in?error=oidc');
    expect((await client.get('/api/me')).body.user).toBeNull();
  });

  it('refuses a state used twice', async () => {
    const client = t.client();
    const start = await client.get('/api/auth/oidc/start');
    const { code, state, redirectUri } = issuer.authorize(String(start.headers.location), { sub: 'emp-6006', email: 'twice@kommun.example', email_verified: true });
    const url = `${new URL(redirectUri).pathname}?code=${code}&state=${state}`;
    expect((await client.get(url)).headers.location).toBe('/');
    const second = await t.client().get(url);
    expect(second.headers.location).toBe('/sign-in?error=oidc');
  });

  it('never redirects off-site after sign-in', async () => {
    const client = t.client();
    const start = await client.get('/api/auth/oidc/start?returnTo=//evil.example/x');
    const { code, state, redirectUri } = issuer.authorize(String(start.headers.location), { sub: 'emp-7007', email: 'redirect@kommun.example', email_verified: true });
    const answer = await client.get(`${new URL(redirectUri).pathname}?code=${code}&state=${state}`);
    expect(answer.headers.location).toBe('/');
  });
});

describe('OIDC not configured', () => {
  it('answers 404 on start', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.client().get('/api/auth/oidc/start')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
