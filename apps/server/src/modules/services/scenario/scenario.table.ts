import type { Generated } from 'kysely';
import type { CreatedAt, Json } from '../../../db/column-types.ts';

export interface ScenariosTable {
  id: Generated<string>;
  analysis_id: string;
  space_id: string;
  name: string;
  input: Json<Record<string, unknown>>;
  summary: Json<Record<string, unknown>>;
  changed_count: number;
  created_by: string | null;
  created_at: CreatedAt;
}
