import type { CreatedAt } from '../../../db/column-types.ts';

export type SpaceRole = 'space_admin' | 'facilitator' | 'member' | 'observer';

export interface MembershipsTable {
  space_id: string;
  user_id: string;
  role: SpaceRole;
  created_at: CreatedAt;
}
