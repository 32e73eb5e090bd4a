import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, WithdrawalMethod } from '../../../db/column-types.ts';

export type RegistrationStatusValue = 'confirmed' | 'waitlisted' | 'cancelled';

export type AttendanceModeValue = 'on_site' | 'online';

export interface RegistrationsTable {
  id: Generated<string>;
  event_id: string;
  seq: Generated<string>;
  user_id: string | null;
  name: string;
  email: string;
  mode: AttendanceModeValue;
  status: RegistrationStatusValue;
  organisation_name: string | null;
  organisation_id: string | null;
  sector: string | null;
  age_group: string | null;
  dietary_needs: string | null;
  accessibility_needs: string | null;
  language: Generated<'sv' | 'en'>;
  cancel_token_hash: string;
  check_in_token_hash: string;
  email_confirmed_at: NullableTimestamp;
  promoted_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  checked_in_at: NullableTimestamp;
  checked_in_by: string | null;
  check_in_method: 'qr' | 'manual' | null;
  created_at: CreatedAt;
  consent_withdrawn_at: NullableTimestamp;
  consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}
