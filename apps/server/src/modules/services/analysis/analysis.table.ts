import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface AnalysesTable {
  id: Generated<string>;
  space_id: string;
  job_id: string;
  name: string;
  points_as_of: Timestamp;
  points: Json<{ id: string; type: string; lon: number; lat: number; name?: string; pointId?: string }[]>;
  population_set_id: string;
  network_id: string | null;
  mode: 'road' | 'straight_line';
  types: string[];
  profile: Json<Record<string, unknown>>;
  thresholds_min: number[];
  vulnerable_min: number;
  summary: Json<Record<string, unknown>> | null;
  /** The engine's packed result table (`packResults`). */
  results: Buffer | null;
  /** Number of entries in `points` (null only for rows no migration filled). */
  point_count: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}
