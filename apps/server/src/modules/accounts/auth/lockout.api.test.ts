import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, PASSWORD, tokenFromMail, type TestApp } from '../../../test/app.ts';
import { ACCOUNT_LOCK, LINK_MAILS_PER_ACCOUNT, LINK_MAILS_PER_ADDRESS, SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT } from './sign-in-throttle.ts';

/**
 * Issue 14 §1.5: strangers must not be able to lock an owner out, nor flood their mailbox. Every
 * limit here is counted in the database (rate_limit_hits), so it holds across app instances.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
/** A fresh client address in TEST-NET-3 for each call. */
const strangerAddress = () => `203.0.113.${++n}`;

/** An error answer without its request id, to compare two answers. */
const answerOf = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });

/** A browser at another address that keeps the cookies of `from` (the same browser on a new network). */
function sameBrowserAt(from: Client, ip: string): Client {
  const moved = t.client({ ip });
  moved.cookie = from.cookie;
  return moved;
}

/** Fails ACCOUNT_LOCK.max sign-ins for `email` from as few addresses as the per-address limit allows. */
async function lockByStrangers(email: string) {
  let address = strangerAddress();
  for (let i = 0; i < ACCOUNT_LOCK.max; i++) {
    if (i > 0 && i % SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max === 0) address = strangerAddress();
    const answer = await t.client({ ip: address }).post('/api/auth/sign-in', { email, password: `stranger-guess-${i}` });
    expect(answer.status, `guess ${i}`).toBe(401);
  }
}

async function ownerSignedInAt(ip: string) {
  const { email, id } = await t.user();
  const browser = t.client({ ip });
  expect((await browser.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  return { email, id, browser };
}

describe('failed sign-ins: per-address limits', () => {
  it('stops one address after a few wrong passwords for one account, without locking the account', async () => {
    const { email } = await t.user();
    const address = strangerAddress();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max; i++) {
      expect((await t.client({ ip: address }).post('/api/auth/sign-in', { email, password: `wrong-${i}` })).status).toBe(401);
    }
    const refused = await t.client({ ip: address }).post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Anyone else, the owner included, still signs in with the right password from a new browser.
    expect((await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('answers 429 after many failures from one address across accounts', async () => {
    const local = await createTestApp();
    try {
      const { email } = await local.user();
      const address = '198.51.100.200';
      for (let i = 0; i < 50; i++) {
        expect((await local.client({ ip: address }).post('/api/auth/sign-in', { email: `guess${i}@example.org`, password: 'wrong-password' })).status).toBe(401);
      }
      const blocked = await local.client({ ip: address }).post('/api/auth/sign-in', { email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      expect((await local.client({ ip: '198.51.100.201' }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    } finally {
      await local.close();
    }
  }, 120_000);
});

describe('the browser cookie that marks a known browser', () => {
  it('is set at sign-in: random, HttpOnly, SameSite=Lax; __Host- and Secure over https; no session in it', async () => {
    const plain = await ownerSignedInAt('198.51.100.30');
    expect(plain.browser.cookie).toMatch(/samhandling_device=[A-Za-z0-9_-]{43}/);
    const https = await createTestApp({ config: { publicUrl: 'https://samhandling.example.org' } });
    try {
      const { email } = await https.user();
      const answer = await https.client({ origin: 'https://samhandling.example.org' }).post('/api/auth/sign-in', { email, password: PASSWORD });
      const lines = [answer.headers['set-cookie']].flat().map(String);
      const device = lines.find((line) => line.startsWith('__Host-samhandling_device='));
      expect(device).toBeDefined();
      for (const part of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) expect(device).toContain(part);
      expect(device).not.toContain('Domain=');
      // Alone it signs no one in.
      const onlyDevice = https.client({ origin: 'https://samhandling.example.org' });
      onlyDevice.cookie = device!.split(';')[0];
      expect((await onlyDevice.get('/api/me')).body.user).toBeNull();
    } finally {
      await https.close();
    }
  }, 120_000);
});

describe('the account lock that strangers cannot use against the owner', () => {
  it('refuses a new browser, but lets the owner in from a browser or address that signed in before', async () => {
    const { email, browser } = await ownerSignedInAt('198.51.100.10');
    await lockByStrangers(email);

    // A new browser at a new address is refused even with the right password, and told why.
    const stranger = await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(stranger.status).toBe(429);
    expect(stranger.body.error.message).toContain('tillfälligt spärrad');
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(ACCOUNT_LOCK.windowMs / 1000);

    // The owner's own browser, now on another network, gets in with the right password …
    const sameBrowser = sameBrowserAt(browser, strangerAddress());
    expect((await sameBrowser.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    // … and so does a new browser at the address the owner signed in from before.
    expect((await t.client({ ip: '198.51.100.10' }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('a known browser with a wrong password still gets no further than anyone else', async () => {
    const { email, browser } = await ownerSignedInAt('198.51.100.11');
    await lockByStrangers(email);
    const wrong = await sameBrowserAt(browser, strangerAddress()).post('/api/auth/sign-in', { email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
  });

  it('e-mails the owner one unlock link, which lets a new browser sign in with the password', async () => {
    const { email } = await ownerSignedInAt('198.51.100.12');
    await lockByStrangers(email);
    // Strangers keep trying: still one mail.
    for (let i = 0; i < 3; i++) await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: `more-${i}` });
    const mails = (await t.outboxFor(email)).filter((m) => m.subject.includes('spärrad'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('/sign-in/unlock#token=');
    const token = tokenFromMail(mails[0]!.text);

    const newBrowser = t.client({ ip: strangerAddress() });
    expect((await newBrowser.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
    const unlocked = await newBrowser.post('/api/auth/unlock', { token });
    expect(unlocked.status).toBe(200);
    // The link alone does not sign in: the password is still needed.
    expect((await newBrowser.get('/api/me')).body.user).toBeNull();
    expect((await newBrowser.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    // Once only.
    expect((await t.client().post('/api/auth/unlock', { token })).status).toBe(400);
    // Another browser without the link is still refused.
    expect((await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
  });

  it('answers the same for an account that does not exist, and mails nobody', async () => {
    const { email } = await t.user();
    await lockByStrangers(email);
    const ghost = 'finns-inte@example.org';
    await lockByStrangers(ghost);
    const real = await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: 'whatever-password' });
    const none = await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email: ghost, password: 'whatever-password' });
    expect(none.status).toBe(real.status);
    expect(answerOf(none.body)).toEqual(answerOf(real.body));
    expect(await t.outboxFor(ghost)).toHaveLength(0);
  });

  it('lifts by itself when the window has passed', async () => {
    const { email } = await t.user();
    await lockByStrangers(email);
    const refused = await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(refused.status).toBe(429);
    t.clock.advance(Number(refused.headers['retry-after']) * 1000 + 1000);
    expect((await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });
});

describe('e-mailed links: no lock, capped per account and per address', () => {
  it('magic-link requests never lock the password', async () => {
    const { email } = await t.user();
    for (let i = 0; i < 12; i++) await t.client({ ip: strangerAddress() }).post('/api/auth/magic-link', { email });
    expect((await t.client({ ip: strangerAddress() }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it(`sends at most ${LINK_MAILS_PER_ACCOUNT.max} link mails per account per hour, answering the same whether or not it exists`, async () => {
    const { email } = await t.user();
    const ghost = 'ingen-alls@example.org';
    const answers: number[] = [];
    const ghostAnswers: number[] = [];
    for (let i = 0; i < LINK_MAILS_PER_ACCOUNT.max + 3; i++) {
      const url = i % 2 ? '/api/auth/magic-link' : '/api/auth/password-reset';
      answers.push((await t.client({ ip: strangerAddress() }).post(url, { email })).status);
      ghostAnswers.push((await t.client({ ip: strangerAddress() }).post(url, { email: ghost })).status);
    }
    const expected = [...Array(LINK_MAILS_PER_ACCOUNT.max).fill(202), ...Array(3).fill(429)];
    expect(answers).toEqual(expected);
    expect(ghostAnswers).toEqual(expected);
    expect(await t.outboxFor(email)).toHaveLength(LINK_MAILS_PER_ACCOUNT.max);
    const refusedReal = await t.client({ ip: strangerAddress() }).post('/api/auth/magic-link', { email });
    const refusedGhost = await t.client({ ip: strangerAddress() }).post('/api/auth/magic-link', { email: ghost });
    expect(answerOf(refusedGhost.body)).toEqual(answerOf(refusedReal.body));
    expect(refusedReal.headers['retry-after']).toBe(refusedGhost.headers['retry-after']);
    t.clock.advance(LINK_MAILS_PER_ACCOUNT.windowMs + 1000);
    expect((await t.client({ ip: strangerAddress() }).post('/api/auth/magic-link', { email })).status).toBe(202);
    expect(await t.outboxFor(email)).toHaveLength(LINK_MAILS_PER_ACCOUNT.max + 1);
  });

  it(`refuses more than ${LINK_MAILS_PER_ADDRESS.max} link requests an hour from one address`, async () => {
    const address = strangerAddress();
    for (let i = 0; i < LINK_MAILS_PER_ADDRESS.max; i++) {
      expect((await t.client({ ip: address }).post('/api/auth/magic-link', { email: `flood${i}@example.org` })).status).toBe(202);
    }
    const refused = await t.client({ ip: address }).post('/api/auth/password-reset', { email: 'flood-last@example.org' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('TRUST_PROXY', () => {
  it('counts per forwarded client address only behind a trusted proxy', async () => {
    const behindProxy = await createTestApp({ config: { trustProxy: ['127.0.0.1'] } });
    try {
      const { email } = await behindProxy.user();
      // Behind the proxy each forwarded address is its own client: no per-address refusal.
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max + 2; i++) {
        const answer = await behindProxy.client({ ip: '127.0.0.1' }).post('/api/auth/sign-in', { email, password: `wrong-${i}` }, { 'x-forwarded-for': `192.0.2.${i + 1}` });
        expect(answer.status).toBe(401);
      }
    } finally {
      await behindProxy.close();
    }
    // Without a trusted proxy, X-Forwarded-For is ignored: it is one address.
    const { email } = await t.user();
    const address = strangerAddress();
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max + 1; i++) {
      statuses.push((await t.client({ ip: address }).post('/api/auth/sign-in', { email, password: `wrong-${i}` }, { 'x-forwarded-for': `192.0.2.${i + 1}` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);
});
