import type { Selectable } from 'kysely';
import type { Timestamp } from '../../../db/column-types.ts';

export type ProfileVisibility = 'everyone' | 'members' | 'nobody';

/** What a person tells others about themselves, and to whom they show it. One row per account, once saved. */
export interface ProfilesTable {
  user_id: string;
  organisation: string;
  sector: 'public' | 'private' | 'civil_society' | 'academia' | null;
  municipality_code: string | null;
  presentation: string;
  visibility: ProfileVisibility;
  updated_at: Timestamp;
}

export type ProfileRow = Selectable<ProfilesTable>;
