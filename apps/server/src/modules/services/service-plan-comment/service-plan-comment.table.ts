import type { Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../../db/column-types.ts';

export interface ServicePlanCommentsTable {
  id: Generated<string>;
  plan_id: string;
  version_id: string;
  body: string;
  author_name: string | null;
  locality_id: string | null;
  user_id: string | null;
  status: Generated<'pending' | 'published' | 'rejected'>;
  response: string | null;
  created_at: CreatedAt;
  moderated_at: NullableTimestamp;
  moderated_by: string | null;
}
