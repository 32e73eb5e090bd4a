import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  user_agent: string | null;
  method: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}
