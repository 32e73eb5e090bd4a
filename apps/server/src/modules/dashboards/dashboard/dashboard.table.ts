import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface ProjectGoalsTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  figure_key: string;
  target: number;
  created_at: CreatedAt;
}

export interface ProjectFactsTable {
  space_id: string;
  period_start: ColumnType<string | null, string | null, string | null>;
  period_end: ColumnType<string | null, string | null, string | null>;
  budget: number | null;
  co_financiers: Json<{ name: string; amount: number }[]>;
  /** Names of people in the steering group: personal data (personal-data.ts). */
  steering_group: Json<{ name: string; organisation: string; role: string }[]>;
  updated_at: Timestamp;
}

export interface SpinOffEffectsTable {
  id: Generated<string>;
  space_id: string;
  date: ColumnType<string, string, string>;
  text: string;
  source: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}
