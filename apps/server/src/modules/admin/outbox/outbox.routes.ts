import { outboxMessage, outboxQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { readOutbox } from './outbox.service.ts';

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
      handler: ({ ctx, query }) => readOutbox(deps, ctx, query),
    }),
  ];
}
