import type { Generated } from 'kysely';
import type { CreatedAt, Json } from '../../../db/column-types.ts';
import type { EventKindValue } from '../../dialogues/event/event.table.ts';

export interface CriterionValue {
  kind: 'working_group_complete' | 'event_held' | 'inputs_collected' | 'test_session_feedback' | 'action_plan_adopted';
  min?: number | undefined;
  eventKind?: EventKindValue | undefined;
}

export interface StepValue {
  id: string;
  title: string;
  guidance: { what: string; why: string; who: string; duration: string };
  checklist: string[];
  material: { title: string; url?: string | undefined; libraryItemId?: string | undefined }[];
  criterion: CriterionValue | null;
  dueAfterDays: number;
}

export interface PhaseValue {
  id: string;
  title: string;
  steps: StepValue[];
}

export interface ProcessTemplatesTable {
  id: Generated<string>;
  space_id: string;
  name: string;
  description: Generated<string>;
  phases: Json<PhaseValue[]>;
  created_by: string | null;
  created_at: CreatedAt;
}
