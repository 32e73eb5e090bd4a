import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface VolunteerCallsTable {
  id: Generated<string>;
  initiative_id: string;
  title: string;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place_name: Generated<string>;
  municipality_code: string | null;
  wanted: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface VolunteerSignupsTable {
  id: Generated<string>;
  call_id: string;
  /** Personal data: name, e-mail, phone (personal-data.ts). */
  name: string;
  email: string;
  phone: string | null;
  status: Generated<'pending' | 'confirmed' | 'cancelled'>;
  confirm_token_hash: string;
  cancel_token_hash: string;
  /** numeric: read as a number (both drivers' parsers), written as a number. */
  hours: ColumnType<number | string | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  confirmed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
}
