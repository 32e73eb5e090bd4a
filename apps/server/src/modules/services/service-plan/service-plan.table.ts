import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

// service plans (kommunal serviceplan)
export interface ServicePlanContentRow {
  background: string;
  links: { title: string; url: string | null; note: string }[];
  levels: { localityId: string; level: 'service_town' | 'service_node' | 'service_point'; targetServices: string[]; note: string }[];
  goals: { id: string; text: string; indicator: string }[];
  measures: {
    id: string;
    title: string;
    description: string;
    localityId: string | null;
    place: string;
    organisationIds: string[];
    startDate: string | null;
    endDate: string | null;
    costSek: number | null;
    status: string;
    scenarioId: string | null;
    goalIds: string[];
  }[];
}

export interface ServicePlansTable {
  id: Generated<string>;
  space_id: string;
  municipality_code: string;
  title: string;
  period_start: string;
  period_end: string;
  status: Generated<'draft' | 'consultation' | 'adopted'>;
  content: Json<ServicePlanContentRow>;
  /** An analysis of the analyses module; no foreign key (validated through its service). */
  analysis_id: string | null;
  consultation_ends_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ServicePlanVersionsTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  status: 'consultation' | 'adopted';
  title: string;
  period_start: string;
  period_end: string;
  /** The content as shown at the time (names filled in) and the analysis figures of that day; read with readSnapshot. */
  content: Json<Record<string, unknown>>;
  analysis_id: string | null;
  consultation_ends_on: string | null;
  decision_body: string | null;
  decision_date: string | null;
  minute_reference: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ServicePlanFollowUpsTable {
  id: Generated<string>;
  plan_id: string;
  year: number;
  summary: string;
  measures: Json<{ measureId: string; status: string; note: string }[]>;
  created_by: string | null;
  created_at: CreatedAt;
}
