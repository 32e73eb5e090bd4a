import type { Json } from '../../../db/column-types.ts';

export interface MunicipalitiesTable {
  code: string;
  name: string;
  county_code: string;
  boundary: Json<GeoJsonGeometry>;
  centroid_lon: number;
  centroid_lat: number;
}

export type GeoJsonGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
