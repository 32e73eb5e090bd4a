import type { Generated, Insertable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/column-types.ts';

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  request_id: string | null;
  details: Json<Record<string, unknown>>;
  redacted_at: NullableTimestamp;
}

export type NewAuditEntry = Insertable<AuditLogTable>;
