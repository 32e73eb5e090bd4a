import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../../../db/column-types.ts';

export interface RoadNetworksTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  file_name: string;
  bytes: ColumnType<string, number | string, number | string>;
  sha256: string;
  job_id: string | null;
  nodes: number | null;
  edges: number | null;
  dropped_nodes: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}
