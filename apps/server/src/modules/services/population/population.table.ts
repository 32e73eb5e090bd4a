import type { Generated } from 'kysely';
import type { CreatedAt } from '../../../db/column-types.ts';

export interface PopulationSetsTable {
  id: Generated<string>;
  space_id: string;
  kind: 'grid' | 'origins' | 'localities';
  name: string;
  year: number | null;
  file_name: string | null;
  origin_count: number;
  population: number;
  has_age: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PopulationOriginsTable {
  set_id: string;
  seq: number;
  origin_id: string;
  name: string | null;
  lon: number;
  lat: number;
  population: number;
  municipality_code: string | null;
  men: number | null;
  women: number | null;
  under_20: number | null;
  age_65_plus: number | null;
}
