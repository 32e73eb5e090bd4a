import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface OrganisationSuggestionsTable {
  id: Generated<string>;
  organisation_id: string;
  proposed_by: string | null;
  proposed_at: Timestamp;
  changes: Json<Record<string, unknown>>;
  comment: Generated<string>;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: Generated<string>;
}
