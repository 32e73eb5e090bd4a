import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { outboxMessage, outboxQuery } from '../admin.ts';

/** The outbox endpoints (the server's outbox.routes.ts implements them). */
export const outboxEndpoints = {
  readOutbox: endpoint({
    method: 'GET',
    path: '/api/admin/outbox',
    access: 'admin',
    summary: 'E-mails sent or queued, newest first, with recipients, subject, text and attachments',
    tags: ['admin'],
    query: outboxQuery,
    response: z.array(outboxMessage),
  }),
};
