import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../../db/column-types.ts';

export type SectorValue = 'public' | 'private' | 'civil_society' | 'academia';

export type LevelValue = 'local' | 'municipal' | 'regional' | 'national' | 'eu';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  org_number: string | null;
  sector: SectorValue;
  type: string;
  level: LevelValue;
  municipality_code: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  description: Generated<string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
