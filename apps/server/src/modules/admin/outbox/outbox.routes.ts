import { outboxMessage, outboxQuery } from '@samhandling/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';

export function outboxRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/outbox',
      access: 'admin',
      summary: 'E-mails sent or queued, newest first, with recipients, subject, text and attachments',
      tags: ['admin'],
      query: outboxQuery,
      response: z.array(outboxMessage),
      handler: async ({ query }) => {
        let q = deps.db.selectFrom('outbox').selectAll();
        if (query.to) q = q.where(sql<boolean>`recipients @> ${JSON.stringify([query.to.toLowerCase()])}::jsonb`);
        const rows = await q.orderBy('created_at', 'desc').limit(query.limit).execute();
        return rows.map((row) => ({
          id: row.id,
          createdAt: row.created_at.toISOString(),
          recipients: row.recipients,
          subject: row.subject,
          text: row.text,
          attachments: row.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            size: Buffer.from(a.content, 'base64').length,
          })),
          status: row.status,
          sentAt: row.sent_at?.toISOString() ?? null,
          error: row.error,
        }));
      },
    }),
  ];
}
