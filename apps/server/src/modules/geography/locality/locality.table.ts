import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp } from '../../../db/column-types.ts';

export interface LocalitiesTable {
  id: Generated<string>;
  name: string;
  municipality_code: string;
  lon: number;
  lat: number;
  population: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type LocalityRow = Selectable<LocalitiesTable>;
