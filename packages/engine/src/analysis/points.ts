import type { ServiceType } from '../osm/services.ts';

/** A service point: one place offering one service type. */
export interface ServicePoint {
  id: string;
  type: ServiceType;
  lon: number;
  lat: number;
  name?: string;
}

/** A populated place to measure from. */
export interface Origin {
  id: string;
  lon: number;
  lat: number;
  population: number;
  /** Municipality code (kommunkod) when known, for per-municipality aggregates. */
  municipality?: string;
}
