import type { ServiceType } from '@samhandling/engine';
import type { Deps } from '../../../platform/deps.ts';
import { listServicePointsForAnalysis } from '../service-point/service-point.service.ts';

/** One engine point per service type a service point offers; the id is the one given at import. */
export interface SnapshotPoint {
  id: string;
  type: ServiceType;
  lon: number;
  lat: number;
  name?: string;
  /** The service point's own id in the inventory. */
  pointId: string;
}

/**
 * The space's service points as they stood at `asOf` (the service-point module decides which were
 * open then), flattened to engine points: a shop that is also a post agent is two engine points
 * with one id, so closing it in a scenario closes both.
 */
export async function servicePointsAsOf(deps: Deps, spaceId: string, asOf: Date): Promise<SnapshotPoint[]> {
  const points = await listServicePointsForAnalysis(deps.db, spaceId, asOf);
  return points.flatMap((p) =>
    p.types.map((type) => ({ id: p.externalId || p.id, type, lon: p.lon, lat: p.lat, ...(p.name ? { name: p.name } : {}), pointId: p.id })),
  );
}
