import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import { translate, type Language } from './messages.ts';
import { unsubscribeOneClickUrl, unsubscribePageLink, type UnsubscribeScope } from './unsubscribe-link.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  /** What the mail's unsubscribe link stops (default: every mail to the recipient's address). */
  unsubscribe?: UnsubscribeScope;
  /** A mail the person asked for this moment (a sign-in or reset link): sent even to an address that unsubscribed. */
  essential?: boolean;
  /** The language of the unsubscribe line (Swedish unless said). */
  language?: Language;
}

/** Where links in mails point and what signs them (PUBLIC_URL or the local address; the session secret). */
export interface MailLinks {
  origin: string;
  secret: string;
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
    private readonly links?: MailLinks,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  }

  get delivers(): boolean {
    return this.transport !== undefined;
  }

  /**
   * Queues one message per recipient, each with its own one-click unsubscribe link (in the text
   * and as RFC 8058 `List-Unsubscribe` / `List-Unsubscribe-Post` headers). An address that
   * unsubscribed from everything gets only the mails it asks for itself (`essential`).
   */
  async enqueue(trx: Kysely<Database>, message: MailMessage): Promise<void> {
    for (const recipient of message.to) {
      if (!message.essential && (await isSuppressed(trx, recipient))) continue;
      let text = message.text;
      let headers: Record<string, string> = {};
      if (this.links) {
        const scope = message.unsubscribe ?? { s: 'address', email: recipient.toLowerCase() };
        const language = message.language ?? 'sv';
        text = `${text}\n\n--\n${translate(language, 'mail.unsubscribe', { link: unsubscribePageLink(this.links.origin, this.links.secret, scope) })}`;
        headers = {
          'List-Unsubscribe': `<${unsubscribeOneClickUrl(this.links.origin, this.links.secret, scope)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        };
      }
      await trx
        .insertInto('outbox')
        .values({
          created_at: this.clock.now(),
          recipients: JSON.stringify([recipient]),
          subject: message.subject,
          text,
          attachments: JSON.stringify(message.attachments ?? []),
          headers: JSON.stringify(headers),
          status: this.transport ? 'queued' : 'stored',
        })
        .execute();
    }
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
            headers: row.headers,
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

/** Whether the address asked for no more mail (POST /api/unsubscribe with an address-wide link). */
export async function isSuppressed(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db.selectFrom('mail_suppressions').select('email').where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}
