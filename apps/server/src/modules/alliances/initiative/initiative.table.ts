import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, StoredFileColumns, Timestamp } from '../../../db/column-types.ts';

export type InitiativeStatusValue = 'idea' | 'planned' | 'ongoing' | 'done';

export interface IndicatorValueRow {
  name: string;
  value: number;
  unit: string;
}

export interface InitiativesTable {
  id: Generated<string>;
  alliance_id: string;
  space_id: string;
  title: string;
  description: Generated<string>;
  lead_organisation_id: string;
  status: Generated<InitiativeStatusValue>;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  municipality_code: string | null;
  place_name: Generated<string>;
  lon: number | null;
  lat: number | null;
  /** 'YYYY-MM-DD' (the pg date parser is set to give strings). */
  start_date: string | null;
  end_date: string | null;
  results: Generated<string>;
  indicators: Json<IndicatorValueRow[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InitiativePartnersTable {
  initiative_id: string;
  organisation_id: string;
  commitment: Generated<string>;
  status: 'requested' | 'accepted';
  created_at: CreatedAt;
  accepted_at: NullableTimestamp;
}

export interface InitiativeUpdatesTable {
  id: Generated<string>;
  initiative_id: string;
  seq: Generated<number>;
  kind: 'note' | 'status';
  text: Generated<string>;
  status: InitiativeStatusValue | null;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface InitiativeDocumentsTable extends StoredFileColumns {
  id: Generated<string>;
  initiative_id: string;
  title: string;
}
