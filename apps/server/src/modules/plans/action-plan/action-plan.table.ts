import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface ActionPlansTable {
  id: Generated<string>;
  space_id: string;
  /** An agreement of the agreements module; no foreign key (checked through its service). */
  agreement_id: string | null;
  title: string;
  summary: Generated<string>;
  status: Generated<'draft' | 'active' | 'ended'>;
  period_start: string | null;
  period_end: string | null;
  links: Json<{ title: string; url: string }[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActionPlanGoalsTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  title: string;
  description: Generated<string>;
}

export interface FollowUpContent {
  measures: { measureId: string; title: string; status: string; text: string }[];
  indicators: { indicatorId: string; name: string; unit: string; value: number | null; measuredOn: string | null }[];
}

export interface ActionPlanFollowUpsTable {
  id: Generated<string>;
  plan_id: string;
  version: number;
  as_of: string;
  summary: Generated<string>;
  content: Json<FollowUpContent>;
  created_by: string | null;
  created_at: CreatedAt;
}
