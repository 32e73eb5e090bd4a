import { auditEntry, auditQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { listAuditEntries } from './audit.repository.ts';

export function auditRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/audit',
      access: 'admin',
      summary: 'The audit log, newest first, filtered by action prefix, resource, actor and time',
      tags: ['admin'],
      query: auditQuery,
      response: z.array(auditEntry),
      handler: async ({ query }) =>
        (await listAuditEntries(deps.db, query)).map((row) => ({
          id: Number(row.id),
          at: row.at.toISOString(),
          actorId: row.actor_id,
          actorName: row.actor_name,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          requestId: row.request_id,
          details: row.details,
        })),
    }),
  ];
}
