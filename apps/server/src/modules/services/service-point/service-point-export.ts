import { engineTypesOfKinds, type ServicePoint } from '@samhandling/contracts';
import { writeCsv } from '../../../platform/csv.ts';

/**
 * One row per point; `type` holds its engine types joined by `|` (empty when it offers none of
 * them) and `kinds` the finer kinds, so the file imports back as it was.
 */
export function servicePointsToCsv(points: ServicePoint[]): string {
  return writeCsv(
    ['id', 'type', 'lon', 'lat', 'name', 'kinds', 'status', 'status_date', 'staffed', 'opening_hours', 'seasonal', 'operator', 'municipality_code', 'address'],
    points.map((p) => [
      p.externalId,
      p.engineTypes.join('|'),
      p.lon,
      p.lat,
      p.name,
      p.kinds.join('|'),
      p.status,
      p.statusDate ?? '',
      p.staffed === null ? '' : p.staffed ? 'yes' : 'no',
      p.openingHours ?? '',
      p.seasonal ? 'yes' : 'no',
      p.operatorName ?? '',
      p.municipalityCode ?? '',
      p.address,
    ]),
  );
}

/** The engine's points file (`samhandling analyse --points`): one row per open point and engine type. */
export function servicePointsToEngineCsv(points: { externalId: string; name: string; lon: number; lat: number; types: string[] }[]): string {
  return writeCsv(
    ['id', 'type', 'lon', 'lat', 'name'],
    points.flatMap((p) => p.types.map((type) => [p.externalId, type, p.lon, p.lat, p.name])),
  );
}

/** RFC 7946 GeoJSON: points with their attributes and sources as properties. */
export function servicePointsToGeoJson(points: ServicePoint[]) {
  return {
    type: 'FeatureCollection' as const,
    features: points.map((p) => ({
      type: 'Feature' as const,
      id: p.externalId,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: {
        id: p.externalId,
        name: p.name,
        kinds: p.kinds,
        types: engineTypesOfKinds(p.kinds),
        status: p.status,
        statusDate: p.statusDate,
        staffed: p.staffed,
        openingHours: p.openingHours,
        seasonal: p.seasonal,
        seasonNote: p.seasonNote,
        operator: p.operatorName,
        municipalityCode: p.municipalityCode,
        address: p.address,
        supports: p.supports,
        sources: p.sources,
      },
    })),
  };
}
