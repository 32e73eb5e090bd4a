import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface OrganisationRepresentativesTable {
  organisation_id: string;
  user_id: string;
  role: Generated<string>;
  status: Generated<'pending' | 'confirmed'>;
  requested_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: NullableTimestamp;
}
