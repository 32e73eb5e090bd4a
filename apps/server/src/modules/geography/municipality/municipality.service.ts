import type { Municipality, MunicipalityDetail } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { existingMunicipalityCodes, findMunicipality, listMunicipalities, listMunicipalityBoundaries } from './municipality.repository.ts';

/**
 * The 290 municipalities are reference data that change only with a migration, and every map
 * and form asks for them: kept in memory per database once read.
 */
const municipalityLists = new WeakMap<object, Promise<Municipality[]>>();

export async function getMunicipalities(deps: Deps, countyCode?: string): Promise<Municipality[]> {
  let all = municipalityLists.get(deps.db);
  if (!all) {
    all = listMunicipalities(deps.db).then((rows) =>
      rows
        .map((m) => ({ code: m.code, name: m.name, countyCode: m.county_code, centroid: [m.centroid_lon, m.centroid_lat] as [number, number] }))
        .sort(bySwedishName),
    );
    all.catch(() => municipalityLists.delete(deps.db));
    municipalityLists.set(deps.db, all);
  }
  const list = await all;
  return countyCode ? list.filter((m) => m.countyCode === countyCode) : list;
}

export async function getMunicipality(deps: Deps, code: string): Promise<MunicipalityDetail> {
  const row = await findMunicipality(deps.db, code);
  if (!row) throw notFound();
  return {
    code: row.code,
    name: row.name,
    countyCode: row.county_code,
    countyName: row.county_name,
    centroid: [row.centroid_lon, row.centroid_lat],
    boundary: { type: 'Feature', properties: { code: row.code, name: row.name }, geometry: row.boundary },
  };
}

export async function getMunicipalityBoundaries(deps: Deps, codes: string[]) {
  const rows = await listMunicipalityBoundaries(deps.db, codes);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((m) => ({
      type: 'Feature' as const,
      id: Number(m.code),
      properties: { code: m.code, name: m.name, countyCode: m.county_code },
      geometry: m.boundary,
    })),
  };
}

/** Which of the codes name a municipality; for other modules' imports and checks (db: a caller's transaction). */
export function knownMunicipalityCodes(deps: Deps, codes: string[], db: Kysely<Database> = deps.db): Promise<Set<string>> {
  return existingMunicipalityCodes(db, [...new Set(codes)]);
}

/** Used by other modules (spaces, localities) to refuse unknown codes with a field error. */
export async function assertMunicipalitiesExist(deps: Deps, codes: string[], field: string): Promise<void> {
  const unique = [...new Set(codes)];
  const known = await existingMunicipalityCodes(deps.db, unique);
  const problems: Record<string, string> = {};
  codes.forEach((code, index) => {
    if (!known.has(code)) problems[codes.length > 1 || field.endsWith('s') ? `${field}.${index}` : field] = 'validation.municipality_unknown';
  });
  if (Object.keys(problems).length) throw invalid(problems);
}
