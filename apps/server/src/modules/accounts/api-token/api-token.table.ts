import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** Space-separated scopes: read, write, admin. */
  scopes: Generated<string>;
}
