import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { actorId, type Actor } from './actor.ts';
import type { Clock } from './clock.ts';

export interface AuditEvent {
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** When the request was anonymous but the act is someone's (e.g. the sign-in itself). */
  actorId?: string;
  /** Never put personal data here beyond ids: the log is kept for good. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log inside the caller's transaction, so the record and the change
 * commit together. There is deliberately no update or delete function for this table.
 */
export async function recordAudit(
  db: Kysely<Database>,
  clock: Clock,
  ctx: { actor: Actor; requestId: string | null },
  event: AuditEvent,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: clock.now(),
      actor_id: event.actorId ?? actorId(ctx.actor),
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      request_id: ctx.requestId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
