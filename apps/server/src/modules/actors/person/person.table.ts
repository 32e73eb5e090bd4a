import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp, WithdrawalMethod } from '../../../db/column-types.ts';

export interface PeopleTable {
  id: Generated<string>;
  name: string;
  email: string | null;
  phone: string | null;
  municipality_code: string | null;
  youth_representative: Generated<boolean>;
  age_group: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpacePeopleTable {
  space_id: string;
  person_id: string;
}

export interface PersonAffiliationsTable {
  person_id: string;
  organisation_id: string;
  role: Generated<string>;
}

export interface PersonConsentsTable {
  id: Generated<string>;
  person_id: string;
  purpose: string;
  text_version: string;
  method: 'form' | 'paper' | 'verbal';
  given_at: Timestamp;
  recorded_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
