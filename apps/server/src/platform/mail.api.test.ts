import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let smtp: SMTPServer;
let received: Received[];
let failNext = 0;
let t: TestApp;

beforeAll(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          return callback(new Error('mailbox unavailable'));
        }
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mail over SMTP', () => {
  it('sends a queued e-mail through the SMTP server and marks it sent', async () => {
    const { email } = await t.user();
    await t.client().post('/api/auth/magic-link', { email });
    await t.deps.mailer.deliverPending();
    const mail = received.find((r) => r.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('no-reply@example.org');
    expect(mail!.data).toMatch(/^Subject: /m);
    // Quoted-printable body: undo the soft line breaks before looking for the link.
    expect(mail!.data.replace(/=\r?\n/g, '')).toContain('http://localhost:3000/sign-in/link#token=');
    const rows = await t.deps.db.selectFrom('outbox').selectAll().execute();
    const row = rows.find((r) => r.recipients.includes(email))!;
    expect(row.status).toBe('sent');
    expect(row.sent_at).not.toBeNull();
  });

  it('keeps a mail queued when the server refuses it, and sends it on the next try', async () => {
    const { email } = await t.user();
    failNext = 1;
    await t.client().post('/api/auth/password-reset', { email });
    await t.deps.mailer.deliverPending();
    const statusOf = async () =>
      (await t.deps.db.selectFrom('outbox').selectAll().execute()).find((r) => r.recipients.includes(email) && r.subject.includes('lösenord'))!;
    const afterFailure = await statusOf();
    expect(afterFailure.status).toBe('queued');
    expect(afterFailure.attempts).toBe(1);
    expect(afterFailure.error).toContain('mailbox unavailable');
    await t.deps.mailer.deliverPending();
    expect((await statusOf()).status).toBe('sent');
    expect(received.filter((r) => r.to.includes(email))).toHaveLength(1);
  });
});
