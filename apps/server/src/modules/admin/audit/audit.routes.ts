import { auditEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { browseAuditLog } from './audit.service.ts';

export function auditRoutes(deps: Deps) {
  return [
    defineRoute(auditEndpoints.browseAuditLog, {
      handler: ({ ctx, query }) => browseAuditLog(deps, ctx, query),
    }),
  ];
}
