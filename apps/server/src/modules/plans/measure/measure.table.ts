import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface MeasureParticipant {
  organisationId: string;
  what: string;
  hours: number | null;
  moneySek: number | null;
  youth: boolean;
}

/** One measures table for the platform (issue 10 §2): an action plan's measures. */
export interface MeasuresTable {
  id: Generated<string>;
  space_id: string;
  action_plan_id: string | null;
  goal_id: string | null;
  position: Generated<number>;
  title: string;
  description: Generated<string>;
  responsible_organisation_id: string | null;
  participants: Json<MeasureParticipant[]>;
  municipality_code: string | null;
  locality_id: string | null;
  place: Generated<string>;
  start_date: string | null;
  end_date: string | null;
  milestones: Json<{ title: string; date: string; done: boolean }[]>;
  /** bigint: read as a string by node-postgres, as a number by PGlite; presented through Number(). */
  budget_sek: number | null;
  funding: Json<{ source: string; amountSek: number | null }[]>;
  status: Generated<'planned' | 'ongoing' | 'done' | 'paused' | 'cancelled'>;
  status_reason: Generated<string>;
  result: Generated<string>;
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  links: Json<{ title: string; url: string }[]>;
  /** A service plan's measure (0014_plans moved them here from the plan's JSON content). */
  service_plan_id: ColumnType<string | null, string | null | undefined, string | null>;
  scenario_id: ColumnType<string | null, string | null | undefined, string | null>;
  service_goal_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
