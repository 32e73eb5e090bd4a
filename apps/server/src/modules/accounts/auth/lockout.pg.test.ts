import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/app.ts';
import { ACCOUNT_LOCK, LINK_MAILS_PER_ACCOUNT, SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT } from './sign-in-throttle.ts';

/**
 * The sign-in limits, the account lock and the mail caps on two app instances on one PostgreSQL
 * database: spreading requests over the instances gains nothing. Runs only in the PostgreSQL pass.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ sameDatabaseAs: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('sign-in limits across two instances on one database', () => {
  it('counts guesses from one address together, also when they arrive at once', async () => {
    const { email } = await a.user();
    const tries = SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max * 2;
    const answers = await Promise.all(
      Array.from({ length: tries }, (_, i) => (i % 2 ? b : a).client({ ip: '203.0.113.90' }).post('/api/auth/sign-in', { email, password: `guess-${i}` })),
    );
    const statuses = answers.map((x) => x.status).sort();
    expect(statuses).toEqual([...Array(SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max).fill(401), ...Array(tries - SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max).fill(429)]);
  });

  it('locks the account on both instances, and the owner’s browser passes on both', async () => {
    const { email } = await a.user();
    const owner = b.client({ ip: '198.51.100.60' });
    expect((await owner.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < ACCOUNT_LOCK.max; i++) {
      const address = `203.0.113.${100 + Math.floor(i / SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT.max)}`;
      expect((await (i % 2 ? b : a).client({ ip: address }).post('/api/auth/sign-in', { email, password: `guess-${i}` })).status).toBe(401);
    }
    expect((await a.client({ ip: '203.0.113.120' }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
    expect((await b.client({ ip: '203.0.113.121' }).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(429);
    const ownerOnA = a.client({ ip: '203.0.113.122' });
    ownerOnA.cookie = owner.cookie;
    expect((await ownerOnA.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
    const unlockMails = (await a.outboxFor(email)).filter((m) => m.subject.includes('spärrad'));
    expect(unlockMails).toHaveLength(1);
  });

  it('caps link mails per account across instances', async () => {
    const { email } = await a.user();
    const answers = await Promise.all(
      Array.from({ length: LINK_MAILS_PER_ACCOUNT.max + 4 }, (_, i) => (i % 2 ? b : a).client({ ip: `203.0.113.${150 + i}` }).post('/api/auth/magic-link', { email })),
    );
    expect(answers.map((x) => x.status).sort()).toEqual([...Array(LINK_MAILS_PER_ACCOUNT.max).fill(202), ...Array(4).fill(429)]);
    expect(await a.outboxFor(email)).toHaveLength(LINK_MAILS_PER_ACCOUNT.max);
  });
});
