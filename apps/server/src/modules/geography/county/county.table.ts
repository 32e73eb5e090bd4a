import type { Json } from '../../../db/column-types.ts';
import type { GeoJsonGeometry } from '../municipality/municipality.table.ts';

export interface CountiesTable {
  code: string;
  name: string;
  short_name: string;
  boundary: Json<GeoJsonGeometry>;
}
