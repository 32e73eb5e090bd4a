import type { Input } from '@samhandling/contracts';
import { writeCsv } from '../../../platform/csv.ts';

const COLUMNS = [
  'number',
  'created_at',
  'status',
  'status_changed_at',
  'kind',
  'theme',
  'service_type',
  'text',
  'municipality_code',
  'municipality',
  'locality',
  'lon',
  'lat',
  'goals',
  'source',
  'channel',
  'event_id',
  'submitter_sector',
  'submitter_age_group',
  'planned_ref_id',
  'planned_ref',
  'id',
];

/** One row per input with codes (as the other exports); goals as "3;11". No personal data. */
export function inputsToCsv(items: Input[]): string {
  return writeCsv(
    COLUMNS,
    items.map((i) => [
      i.number,
      i.createdAt,
      i.status,
      i.statusChangedAt,
      i.kind,
      i.theme ?? '',
      i.serviceType ?? '',
      i.text,
      i.municipalityCode ?? '',
      i.municipalityName ?? '',
      i.localityName ?? '',
      i.point?.lon ?? '',
      i.point?.lat ?? '',
      i.goals.join(';'),
      i.source,
      i.channel ?? '',
      i.eventId ?? '',
      i.submitterSector ?? '',
      i.submitterAgeGroup ?? '',
      i.plannedRef?.id ?? '',
      i.plannedRef?.label ?? '',
      i.id,
    ]),
  );
}

/** The inputs that have a place, as GeoJSON points (for GIS tools and the map). */
export function inputsToGeoJson(items: Input[]) {
  return {
    type: 'FeatureCollection' as const,
    features: items
      .filter((i) => i.point)
      .map((i) => ({
        type: 'Feature' as const,
        id: i.id,
        geometry: { type: 'Point' as const, coordinates: [i.point!.lon, i.point!.lat] },
        properties: {
          number: i.number,
          text: i.text,
          kind: i.kind,
          theme: i.theme,
          serviceType: i.serviceType,
          status: i.status,
          municipalityCode: i.municipalityCode,
          locality: i.localityName,
          goals: i.goals,
          source: i.source,
          createdAt: i.createdAt,
        },
      })),
  };
}
