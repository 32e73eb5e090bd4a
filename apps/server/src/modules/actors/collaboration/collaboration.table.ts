import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../../../db/column-types.ts';

export interface CollaborationsTable {
  id: Generated<string>;
  org_a: string;
  org_b: string;
  type: string;
  level: string | null;
  start_date: string | null;
  end_date: string | null;
  description: Generated<string>;
  frequency: string | null;
  source: 'manual' | 'survey' | 'derived';
  confirmed_a: Generated<boolean>;
  confirmed_b: Generated<boolean>;
  example_data: Generated<boolean>;
  survey_id: string | null;
  reported_by_a: Generated<boolean>;
  reported_by_b: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set on collaborations derived from a working group's membership (migration 0006). */
  working_group_id?: ColumnType<string | null, string | null | undefined, string | null>;
  /** Derived collaborations: the shared activity they come from (0016_alliances): 'working_group', 'initiative', 'event', 'agreement', 'measure' … */
  derived_kind: ColumnType<string | null, string | null | undefined, string | null>;
  derived_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The space whose view this is; null: the registry's own, shown wherever both organisations are (migration 0010_orgs). */
  space_id: ColumnType<string | null, string | null | undefined, string | null>;
}
