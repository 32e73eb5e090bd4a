import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from '../../../db/column-types.ts';

export interface QuestionValue {
  id: string;
  kind: 'scale' | 'single' | 'multiple' | 'text';
  text: string;
  required: boolean;
  scaleLabels: [string, string] | null;
  options: string[];
}

export type AnswerValue = number | string | string[];

export interface FeedbackFormsTable {
  id: Generated<string>;
  space_id: string;
  series_id: string;
  event_id: string | null;
  process_id: string | null;
  step_id: string | null;
  title: string;
  intro: Generated<string>;
  questions: Json<QuestionValue[]>;
  ask_sector: Generated<boolean>;
  ask_age_group: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface FeedbackAnswersTable {
  id: Generated<string>;
  form_id: string;
  idempotency_key: string;
  sector: string | null;
  age_group: string | null;
  answers: Json<Record<string, AnswerValue>>;
  created_at: CreatedAt;
}

export interface FeedbackChangesTable {
  id: Generated<string>;
  space_id: string;
  form_id: string | null;
  date: ColumnType<string, string, string>;
  change: string;
  reason: string;
  created_by: string | null;
  created_at: CreatedAt;
}
