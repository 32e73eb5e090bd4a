import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface SpacesTable {
  id: Generated<string>;
  name: string;
  description: string;
  kind: 'project' | 'municipal' | 'regional' | 'alliance';
  visibility: 'public' | 'members';
  /** How people join a public space: openly, on request (a leader decides) or by invitation only. */
  join_policy: Generated<'open' | 'request' | 'invitation'>;
  archived_at: NullableTimestamp;
  /** Agenda 2030 tags: goals by number, targets by code ('11.a'). */
  goals: ColumnType<number[], number[] | undefined, number[]>;
  targets: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpaceMunicipalitiesTable {
  space_id: string;
  municipality_code: string;
}

export type SpaceRow = Selectable<SpacesTable>;
