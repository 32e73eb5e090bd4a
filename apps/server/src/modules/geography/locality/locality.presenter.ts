import type { Locality } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { localityActions } from './locality.policy.ts';

export function presentLocality(
  row: {
    id: string;
    name: string;
    municipality_code: string;
    municipality_name: string;
    lon: number;
    lat: number;
    population: number | null;
    updated_at: Date;
  },
  actor: Actor,
): Locality {
  return {
    id: row.id,
    name: row.name,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    lon: row.lon,
    lat: row.lat,
    population: row.population,
    updatedAt: row.updated_at.toISOString(),
    allowedActions: localityActions(actor),
  };
}
