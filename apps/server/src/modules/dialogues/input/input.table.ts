import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp, WithdrawalMethod } from '../../../db/column-types.ts';

export interface InputsTable {
  id: Generated<string>;
  space_id: string;
  number: number;
  text: string;
  kind: 'need' | 'idea';
  theme: string | null;
  service_type: 'groceries' | 'fuel' | 'pharmacy' | 'post' | 'payment' | 'other' | null;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  municipality_code: string | null;
  locality_id: string | null;
  lon: number | null;
  lat: number | null;
  source: 'form' | 'facilitator' | 'board';
  channel: 'paper' | 'phone' | 'meeting' | 'email' | 'other' | null;
  source_ref: string | null;
  event_id: string | null;
  submitter_sector: 'resident' | 'public' | 'private' | 'civil_society' | 'academia' | null;
  submitter_age_group: string | null;
  submitter_email: string | null;
  submitter_language: Generated<'sv' | 'en'>;
  status: Generated<'received' | 'being_assessed' | 'planned' | 'done' | 'declined'>;
  planned_ref_id: string | null;
  planned_ref_label: string | null;
  /** The measure (plans module) that answers it; 0014_plans. */
  measure_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A free-text reference from before inputs pointed at measures, where no measure matched. */
  planned_note: ColumnType<string | null, string | null | undefined, string | null>;
  status_changed_at: Timestamp;
  /** The first status change out of received (0025: kept by a trigger on input_status_changes). */
  first_answered_at: ColumnType<Date | null, never, never>;
  hidden_at: NullableTimestamp;
  entered_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  notice_consent_withdrawn_at: NullableTimestamp;
  notice_consent_withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  notice_consent_withdrawal_method: ColumnType<WithdrawalMethod | null, WithdrawalMethod | null | undefined, WithdrawalMethod | null>;
}

export interface InputStatusChangesTable {
  id: Generated<number>;
  input_id: string;
  at: Timestamp;
  from_status: string | null;
  to_status: string;
  reason: Generated<string>;
  planned_ref_id: string | null;
  planned_ref_label: string | null;
  changed_by: string | null;
}
