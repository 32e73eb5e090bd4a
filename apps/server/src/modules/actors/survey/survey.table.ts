import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp, WithdrawalMethod } from '../../../db/column-types.ts';

export interface SurveysTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  message: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyRecipientsTable {
  id: Generated<string>;
  survey_id: string;
  organisation_id: string;
  email: string;
  token_hash: string;
  sent_at: Timestamp;
  responded_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  consent_withdrawn_at: NullableTimestamp;
  consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
