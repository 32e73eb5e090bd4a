import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';
import type { SpaceRole } from '../membership/membership.table.ts';

export interface InvitationsTable {
  id: Generated<string>;
  space_id: string;
  email: string;
  role: SpaceRole;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}
