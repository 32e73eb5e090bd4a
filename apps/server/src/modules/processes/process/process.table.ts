import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp } from '../../../db/column-types.ts';
import type { PhaseValue } from '../template/template.table.ts';

/** A date column: written and read as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;

export interface ProcessesTable {
  id: Generated<string>;
  space_id: string;
  template_id: string | null;
  name: string;
  municipality_code: string;
  locality_id: string | null;
  starts_on: DateColumn;
  phases: Json<PhaseValue[]>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProcessStepsTable {
  process_id: string;
  step_id: string;
  ticked_at: NullableTimestamp;
  ticked_by: string | null;
  note: Generated<string>;
  responsible: string | null;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
}
