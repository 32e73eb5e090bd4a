import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../../db/column-types.ts';

export interface LocalIndicatorValue {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  values: { date: string; value: number }[];
}

/** A local target (lokalt mål) of a space, under one or more of the 169 global targets. */
export interface LocalTargetsTable {
  id: Generated<string>;
  space_id: string;
  municipality_code: string | null;
  title: string;
  description: Generated<string>;
  targets: string[];
  indicator: Json<LocalIndicatorValue | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type LocalTargetRow = Selectable<LocalTargetsTable>;
