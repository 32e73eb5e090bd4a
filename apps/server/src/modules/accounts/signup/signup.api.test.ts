import { endpoints } from '@samhandling/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';

/** Issue 13 §2: joining as the server chooses (SIGNUP=open|invite|domains), with e-mail confirmation. */
let open: TestApp;
let domains: TestApp;
beforeAll(async () => {
  open = await createTestApp({ config: { signup: { mode: 'open', domains: [] } } });
  domains = await createTestApp({ config: { signup: { mode: 'domains', domains: ['ludvika.se'] } } });
});
afterAll(async () => {
  await open.close();
  await domains.close();
});

const tokenIn = (text: string) => /#token=([\w-]+)/.exec(text)?.[1];

describe('self-registration', () => {
  it('e-mails a confirmation link; the account exists only once the link is used, and the link works once', async () => {
    const client = open.client();
    expect((await client.call(endpoints.getSettings)).body.signup).toEqual({ mode: 'open', domains: [] });
    const answer = await client.post('/api/auth/sign-up', { email: 'Karin.Byalag@Example.org', name: 'Karin i Grängesberg', password: 'fjällbjörk-och-myr-2026' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    // Not an account yet: the password does not sign in.
    expect((await client.post('/api/auth/sign-in', { email: 'karin.byalag@example.org', password: 'fjällbjörk-och-myr-2026' })).status).toBe(401);
    const [mail] = await open.outboxFor('karin.byalag@example.org');
    expect(mail!.subject).toBe('Bekräfta din e-postadress för Samhandling');
    const token = tokenIn(mail!.text)!;
    expect(mail!.text).toContain(`/sign-up/confirm#token=${token}`);
    const confirmed = await client.post('/api/auth/sign-up/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ email: 'karin.byalag@example.org', name: 'Karin i Grängesberg' });
    expect((await client.get('/api/me')).body.user.email).toBe('karin.byalag@example.org');
    expect((await open.client().post('/api/auth/sign-up/confirm', { token })).status).toBe(400);
    expect((await open.client().post('/api/auth/sign-in', { email: 'karin.byalag@example.org', password: 'fjällbjörk-och-myr-2026' })).status).toBe(200);
  });

  it('answers an address that has an account the same way, and tells its owner by mail instead', async () => {
    const existing = await open.user({ email: 'finns@example.org' });
    const answer = await open.client().post('/api/auth/sign-up', { email: existing.email, name: 'Någon', password: 'en-helt-annan-fras-2026' });
    expect(answer.status).toBe(202);
    const mails = await open.outboxFor(existing.email);
    expect(mails.map((m) => m.subject)).toContain('Du har redan ett konto i Samhandling');
    expect(mails.some((m) => m.text.includes('/sign-up/confirm#token='))).toBe(false);
  });

  it('refuses a leaked or too short password with the field named', async () => {
    const answer = await open.client().post('/api/auth/sign-up', { email: 'kort@example.org', name: 'Kort', password: 'kort' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.password).toBe('Lösenordet måste vara minst 10 tecken.');
  });

  it('with SIGNUP=domains, only the allowed domains (and their subdomains) may join', async () => {
    const refused = await domains.client().post('/api/auth/sign-up', { email: 'someone@gmail.com', name: 'Someone', password: 'fjällbjörk-och-myr-2026' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields.email).toMatch(/^Registrering är öppen för e-postadresser/);
    expect((await domains.client().post('/api/auth/sign-up', { email: 'anna@ludvika.se', name: 'Anna', password: 'fjällbjörk-och-myr-2026' })).status).toBe(202);
    expect((await domains.client().post('/api/auth/sign-up', { email: 'bo@skola.ludvika.se', name: 'Bo', password: 'fjällbjörk-och-myr-2026' })).status).toBe(202);
    expect((await domains.client().post('/api/auth/sign-up', { email: 'eve@notludvika.se', name: 'Eve', password: 'fjällbjörk-och-myr-2026' })).status).toBe(403);
  });

  it('is configured by SIGNUP and SIGNUP_DOMAINS, invitation only by default', () => {
    expect(loadConfig({ SESSION_SECRET: 'x'.repeat(32) }).signup).toEqual({ mode: 'invite', domains: [] });
    expect(loadConfig({ SESSION_SECRET: 'x'.repeat(32), SIGNUP: 'domains', SIGNUP_DOMAINS: 'ludvika.se, Region.Dalarna.se' }).signup).toEqual({
      mode: 'domains',
      domains: ['ludvika.se', 'region.dalarna.se'],
    });
    expect(() => loadConfig({ SESSION_SECRET: 'x'.repeat(32), SIGNUP: 'domains' })).toThrow(/SIGNUP_DOMAINS/);
  });
});

describe('validation messages (issue 13 §4)', () => {
  it('name the choices of a list in the user’s language, not as codes', async () => {
    const lead = await open.user();
    const sv = await lead.client.post('/api/organisations', { name: 'Bygdebutiken i Nyhammar', sector: 'handel', type: 'company', level: 'local' });
    expect(sv.status).toBe(400);
    expect(sv.body.error.fields.sector).toBe('Välj ett av: offentlig sektor, privat sektor, civilsamhället, akademin.');
    await lead.client.patch('/api/me', { language: 'en' });
    const en = await lead.client.post('/api/organisations', { name: 'Bygdebutiken i Nyhammar', sector: 'handel', type: 'company', level: 'local' });
    expect(en.body.error.fields.sector).toBe('Choose one of: public sector, private sector, civil society, academia.');
  });
});
