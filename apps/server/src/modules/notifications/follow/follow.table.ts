import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface FollowsTable {
  id: Generated<string>;
  target_kind: string;
  target_id: string;
  user_id: string | null;
  email: string | null;
  language: Generated<'sv' | 'en'>;
  confirmed_at: NullableTimestamp;
  created_at: Timestamp;
}
