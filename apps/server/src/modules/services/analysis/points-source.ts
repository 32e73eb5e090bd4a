import type { ServiceType } from '@samhandling/engine';
import type { Deps } from '../../../platform/deps.ts';

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
 * The space's service points as they stood at `asOf`, from the service-point module (helper branch
 * `points`), flattened to engine points.
 */
export async function servicePointsAsOf(_deps: Deps, _spaceId: string, _asOf: Date): Promise<SnapshotPoint[]> {
  return [];
}
