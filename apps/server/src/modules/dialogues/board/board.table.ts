import type { Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface BoardsTable {
  id: Generated<string>;
  event_id: string;
  space_id: string;
  code: string;
  title: string;
  status: Generated<'open' | 'closed'>;
  voting: Generated<'open' | 'closed'>;
  dots_per_participant: Generated<number>;
  seq: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: NullableTimestamp;
}

export interface BoardPromptsTable {
  id: Generated<string>;
  board_id: string;
  position: number;
  text: string;
  archived: Generated<boolean>;
}

export interface BoardGroupsTable {
  id: Generated<string>;
  board_id: string;
  position: number;
  name: string;
  archived: Generated<boolean>;
}

export interface BoardParticipantsTable {
  id: Generated<string>;
  board_id: string;
  token_hash: string;
  name: string | null;
  sector: string | null;
  age_group: string | null;
  group_id: string | null;
  created_at: CreatedAt;
}

export interface BoardClustersTable {
  id: Generated<string>;
  board_id: string;
  prompt_id: string;
  label: string;
  created_at: CreatedAt;
}

export interface BoardNotesTable {
  id: Generated<string>;
  board_id: string;
  number: number;
  prompt_id: string;
  group_id: string | null;
  cluster_id: string | null;
  position: number;
  text: string;
  participant_id: string | null;
  author_user_id: string | null;
  client_key: string;
  hidden: Generated<boolean>;
  merged_into: string | null;
  input_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BoardVotesTable {
  board_id: string;
  participant_id: string;
  note_id: string;
  dots: number;
}

export interface BoardChangesTable {
  board_id: string;
  seq: number;
  change: Json<unknown>;
  at: CreatedAt;
}
