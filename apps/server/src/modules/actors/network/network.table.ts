import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../../db/column-types.ts';

export interface NetworkSnapshotsTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  at: string;
  taken_at: Timestamp;
  network: Json<{ nodes: unknown[]; edges: unknown[] }>;
  created_by: string | null;
}
