import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export interface AuditFilter {
  action?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Read-only by design: the audit log has an insert path (platform/audit.ts) and this, nothing else. */
export function listAuditEntries(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.name as actor_name');
  if (filter.action) query = query.where('audit_log.action', 'like', filter.action.replace(/[%_\\]/g, '\\$&') + '%');
  if (filter.resourceType) query = query.where('audit_log.resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('audit_log.resource_id', '=', filter.resourceId);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.from) query = query.where('audit_log.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('audit_log.at', '<', new Date(filter.to));
  return query.orderBy('audit_log.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

// --- people's data: export and retention ---

/** Entries made by a person or about their account (ids only: the log holds no other personal data). */
export function auditEntriesOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'action', 'resource_type', 'resource_id', 'details'])
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb.and([eb('resource_type', '=', 'user'), eb('resource_id', '=', userId)])]))
    .orderBy('id')
    .limit(50_000)
    .execute();
}

/**
 * Redacts entries older than `cutoff`: what happened, to which resource and when stay; who did
 * it, the request id and the details go. The database allows exactly this one change (0010_gdpr_privacy).
 */
export async function redactAuditEntriesBefore(db: Kysely<Database>, cutoff: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('audit_log')
    .set({ actor_id: null, request_id: null, details: '{}', redacted_at: now })
    .where('at', '<', cutoff)
    .where('redacted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
