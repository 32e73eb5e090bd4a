import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface CompositionTargets {
  public: number;
  private: number;
  civil_society: number;
  academia: number;
  youth: number;
}

export interface WorkingGroupsTable {
  id: Generated<string>;
  space_id: string;
  municipality_code: string | null;
  name: string;
  kind: 'local' | 'youth' | 'steering' | 'other';
  description: Generated<string>;
  targets: Json<CompositionTargets>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface WorkingGroupMembersTable {
  group_id: string;
  person_id: string;
  organisation_id: string | null;
  role: Generated<string>;
  youth_representative: Generated<boolean>;
  joined_at: CreatedAt;
}
