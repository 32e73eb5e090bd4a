import type { ManagedAction, PopulationSet } from '@samhandling/contracts';
import type { Selectable } from 'kysely';
import type { PopulationSetsTable } from '../../../db/schema.ts';

export function presentPopulationSet(
  row: Selectable<PopulationSetsTable>,
  byMunicipality: { municipality_code: string | null; population: number; origins: number; age_65_plus: number | null; under_20: number | null }[],
  allowedActions: ManagedAction[],
): PopulationSet {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    year: row.year,
    fileName: row.file_name,
    origins: row.origin_count,
    population: Number(row.population),
    hasAge: row.has_age,
    byMunicipality: byMunicipality.map((m) => ({
      code: m.municipality_code,
      population: Number(m.population),
      origins: Number(m.origins),
      age65Plus: m.age_65_plus === null ? null : Number(m.age_65_plus),
      under20: m.under_20 === null ? null : Number(m.under_20),
    })),
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}
