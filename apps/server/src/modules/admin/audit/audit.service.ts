import type { AuditEntry } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import { isPlatformAdmin } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { listAuditEntries, type AuditFilter } from './audit.repository.ts';

export async function browseAuditLog(deps: Deps, ctx: RequestContext, filter: AuditFilter): Promise<AuditEntry[]> {
  if (!isPlatformAdmin(ctx.actor)) throw notFound();
  return (await listAuditEntries(deps.db, filter)).map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    requestId: row.request_id,
    details: row.details,
  }));
}
