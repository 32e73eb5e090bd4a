import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

const MAX_ATTEMPTS = 5;

/**
 * Every e-mail is first written to the outbox inside the caller's transaction, so a
 * notification is never lost with a rollback or a crash. With SMTP configured a dispatcher
 * sends queued mail after commit and retries; without SMTP the outbox is the mailbox admins read.
 */
export class Mailer {
  private readonly transport: nodemailer.Transporter | undefined;
  private sending: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    smtpUrl: string | undefined,
    private readonly from: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  }

  get delivers(): boolean {
    return this.transport !== undefined;
  }

  async enqueue(trx: Kysely<Database>, message: MailMessage): Promise<void> {
    await trx
      .insertInto('outbox')
      .values({
        created_at: this.clock.now(),
        recipients: JSON.stringify(message.to),
        subject: message.subject,
        text: message.text,
        attachments: JSON.stringify(message.attachments ?? []),
        status: this.transport ? 'queued' : 'stored',
      })
      .execute();
  }

  /** Sends what is queued. Safe to call from several instances: rows are claimed with SKIP LOCKED. */
  deliverPending(): Promise<void> {
    if (!this.transport) return Promise.resolve();
    this.sending ??= this.deliverLoop().finally(() => (this.sending = undefined));
    return this.sending;
  }

  private async deliverLoop(): Promise<void> {
    const transport = this.transport!;
    for (;;) {
      const sentOne = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('outbox')
          .selectAll()
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return false;
        try {
          await transport.sendMail({
            from: this.from,
            to: row.recipients,
            subject: row.subject,
            text: row.text,
            attachments: row.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.content, 'base64'),
            })),
          });
          await trx
            .updateTable('outbox')
            .set({ status: 'sent', sent_at: this.clock.now(), attempts: row.attempts + 1, error: null })
            .where('id', '=', row.id)
            .execute();
        } catch (error) {
          const attempts = row.attempts + 1;
          await trx
            .updateTable('outbox')
            .set({ status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', attempts, error: (error as Error).message.slice(0, 500) })
            .where('id', '=', row.id)
            .execute();
          return false; // try again on the next tick rather than spin on a broken server
        }
        return true;
      });
      if (!sentOne) return;
    }
  }
}
