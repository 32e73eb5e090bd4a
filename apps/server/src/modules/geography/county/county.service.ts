import type { County } from '@samhandling/contracts';
import type { Deps } from '../../../platform/deps.ts';
import { listCounties, listCountyBoundaries } from './county.repository.ts';

export async function getCounties(deps: Deps): Promise<County[]> {
  return (await listCounties(deps.db)).map((c) => ({ code: c.code, name: c.name, shortName: c.short_name }));
}

export async function getCountyBoundaries(deps: Deps) {
  const rows = await listCountyBoundaries(deps.db);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((c) => ({ type: 'Feature' as const, id: Number(c.code), properties: { code: c.code, name: c.name }, geometry: c.boundary })),
  };
}
