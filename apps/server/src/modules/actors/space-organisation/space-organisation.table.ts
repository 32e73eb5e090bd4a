import type { CreatedAt } from '../../../db/column-types.ts';

export interface SpaceOrganisationsTable {
  space_id: string;
  organisation_id: string;
  added_at: CreatedAt;
}
