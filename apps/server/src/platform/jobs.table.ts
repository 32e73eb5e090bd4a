import type { Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from '../db/column-types.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<JobStatus>;
  stage: string | null;
  percent: Generated<number>;
  result: Json<Record<string, unknown>> | null;
  error: string | null;
  cancel_requested: Generated<boolean>;
  attempts: Generated<number>;
  locked_by: string | null;
  heartbeat_at: NullableTimestamp;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface JobScheduleTable {
  name: string;
  period: string;
  job_id: string | null;
  created_at: Timestamp;
}
