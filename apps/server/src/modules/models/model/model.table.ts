import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

/** The stored content of a model version: the contract's ModelContent, as JSON. */
export type StoredModelContent = Record<string, unknown>;

export interface ModelsTable {
  id: Generated<string>;
  title: string;
  version: number;
  content: Json<StoredModelContent>;
  origin_municipality_code: string | null;
  imported: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ModelVersionsTable {
  model_id: string;
  version: number;
  content: Json<StoredModelContent>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ModelUsesTable {
  id: Generated<string>;
  model_id: string;
  version: number;
  space_id: string;
  municipality_code: string;
  adaptation: Generated<string>;
  outcome: Generated<string>;
  applied_by: string | null;
  applied_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ModelUseItemsTable {
  use_id: string;
  item_key: string;
  item_type: 'working_group' | 'event' | 'board' | 'service_plan' | 'survey' | 'action_plan_goal' | 'action_plan';
  resource_id: string | null;
  title: string;
  position: number;
  created_at: CreatedAt;
}
