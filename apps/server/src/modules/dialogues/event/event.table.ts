import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export type EventKindValue = 'kick_off' | 'village_forum' | 'knowledge_dialogue' | 'workshop' | 'seminar' | 'test_session' | 'other';

export type RegistrationQuestion = 'organisation' | 'sector' | 'age_group' | 'dietary_needs' | 'accessibility_needs';

export interface AgendaItemValue {
  startsAt: string;
  endsAt: string | null;
  title: string;
  description: string;
}

export interface EventsTable {
  id: Generated<string>;
  space_id: string;
  kind: EventKindValue;
  title: string;
  description: Generated<string>;
  public: Generated<boolean>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: Generated<string>;
  municipality_code: string | null;
  working_group_id: string | null;
  place_name: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  online_url: string | null;
  capacity: number | null;
  online_capacity: number | null;
  registration_opens_at: NullableTimestamp;
  registration_closes_at: NullableTimestamp;
  questions: Json<RegistrationQuestion[]>;
  agenda: Json<AgendaItemValue[]>;
  /** Theme goals and targets (Agenda 2030). */
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<'scheduled' | 'cancelled'>;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  rescheduled_at: NullableTimestamp;
  ical_uid: string;
  sequence: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventCohostsTable {
  event_id: string;
  organisation_id: string;
}
