import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { auditEntry, auditQuery } from '../admin.ts';

/** The audit endpoints (the server's audit.routes.ts implements them). */
export const auditEndpoints = {
  browseAuditLog: endpoint({
    method: 'GET',
    path: '/api/admin/audit',
    access: 'admin',
    summary: 'The audit log, newest first, filtered by action prefix, resource, actor and time',
    tags: ['admin'],
    query: auditQuery,
    response: z.array(auditEntry),
  }),
};
