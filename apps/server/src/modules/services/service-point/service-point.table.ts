import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface ServicePointSupportJson {
  kind: string;
  year: number;
  amountSek: number | null;
  source: string;
}

export interface ServicePointsTable {
  id: Generated<string>;
  space_id: string;
  external_id: string;
  name: string;
  lon: number;
  lat: number;
  address: Generated<string>;
  municipality_code: string | null;
  kinds: ColumnType<string[], string[] | undefined, string[]>;
  operator_organisation_id: string | null;
  staffed: boolean | null;
  opening_hours: string | null;
  seasonal: Generated<boolean>;
  season_note: Generated<string>;
  status: Generated<'open' | 'at_risk' | 'closed'>;
  /** A `date` column: read as 'YYYY-MM-DD' (see the type parsers in database.ts). */
  status_date: ColumnType<string | null, string | null | undefined, string | null>;
  opened_on: ColumnType<string | null, string | null | undefined, string | null>;
  supports: ColumnType<ServicePointSupportJson[], string | undefined, string>;
  sources: ColumnType<Record<string, string>, string | undefined, string>;
  notes: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ServicePointChangesTable {
  id: Generated<string>;
  point_id: string;
  seq: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  kind: 'created' | 'updated' | 'imported' | 'suggested' | 'suggestion_accepted' | 'suggestion_rejected';
  changes: Json<Record<string, { from: unknown; to: unknown }>>;
  suggestion_id: string | null;
  note: Generated<string>;
}
