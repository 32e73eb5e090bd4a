import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface AlliancesTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  purpose: Generated<string>;
  public: Generated<boolean>;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type AllianceMemberStatusValue = 'invited' | 'requested' | 'member';

export interface AllianceMembersTable {
  alliance_id: string;
  organisation_id: string;
  status: AllianceMemberStatusValue;
  contact_person_id: string | null;
  created_at: CreatedAt;
  joined_at: NullableTimestamp;
}
