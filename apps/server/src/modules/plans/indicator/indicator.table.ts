import type { Generated } from 'kysely';
import type { CreatedAt } from '../../../db/column-types.ts';

/** An indicator on a goal of an action plan or on a measure (exactly one of the two). */
export interface IndicatorsTable {
  id: Generated<string>;
  space_id: string;
  goal_id: string | null;
  measure_id: string | null;
  name: string;
  unit: Generated<string>;
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_date: string | null;
  direction: Generated<'increase' | 'decrease' | 'maintain'>;
  created_at: CreatedAt;
}

export interface IndicatorValuesTable {
  id: Generated<string>;
  indicator_id: string;
  value: number;
  measured_on: string;
  source: string;
  comment: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}
