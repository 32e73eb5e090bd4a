import { auditEntry, auditQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { browseAuditLog } from './audit.service.ts';

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
      handler: ({ ctx, query }) => browseAuditLog(deps, ctx, query),
    }),
  ];
}
