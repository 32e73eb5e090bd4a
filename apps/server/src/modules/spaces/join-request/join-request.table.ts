import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../../db/column-types.ts';

export type JoinRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

/** A signed-in person's request to join a space whose join policy is "on request". */
export interface JoinRequestsTable {
  id: Generated<string>;
  space_id: string;
  user_id: string;
  message: Generated<string>;
  status: JoinRequestStatus;
  created_at: CreatedAt;
  decided_at: NullableTimestamp;
  decided_by: string | null;
}

export type JoinRequestRow = Selectable<JoinRequestsTable>;
