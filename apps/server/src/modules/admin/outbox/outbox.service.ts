import type { OutboxMessage } from '@samhandling/contracts';
import { isPlatformAdmin, type RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { listOutbox } from './outbox.repository.ts';

/** Without SMTP the outbox is where e-mail ends up; admins read it here. */
export async function readOutbox(deps: Deps, ctx: RequestContext, filter: { to?: string | undefined; limit: number }): Promise<OutboxMessage[]> {
  if (!isPlatformAdmin(ctx.actor)) throw notFound();
  return (await listOutbox(deps.db, filter)).map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    recipients: row.recipients,
    subject: row.subject,
    text: row.text,
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: Buffer.from(a.content, 'base64').length })),
    status: row.status,
    sentAt: row.sent_at?.toISOString() ?? null,
    error: row.error,
  }));
}
