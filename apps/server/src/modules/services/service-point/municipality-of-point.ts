import type { Deps } from '../../../platform/deps.ts';
import { getMunicipalityBoundaries } from '../../geography/municipality/municipality.service.ts';

type Ring = number[][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: string; coordinates?: unknown };

/** Even-odd ray casting over a polygon's rings (holes cancel out). */
function inRings(lon: number, lat: number, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function pointInGeometry(lon: number, lat: number, geometry: Geometry): boolean {
  if (geometry.type === 'Polygon') return inRings(lon, lat, geometry.coordinates as Ring[]);
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).some((polygon) => inRings(lon, lat, polygon));
  return false;
}

/**
 * Which of the given municipalities (a space's) each point lies in, by the shipped boundaries;
 * null for a point outside all of them.
 */
export async function municipalitiesOfPoints(deps: Deps, codes: string[], points: { lon: number; lat: number }[]): Promise<(string | null)[]> {
  if (codes.length === 0 || points.length === 0) return points.map(() => null);
  const { features } = await getMunicipalityBoundaries(deps, codes);
  const boxes = features.map((f) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const visit = (c: unknown): void => {
      if (!Array.isArray(c)) return;
      if (typeof c[0] === 'number') {
        const [x, y] = c as [number, number];
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      } else for (const inner of c) visit(inner);
    };
    visit((f.geometry as Geometry).coordinates);
    return { code: f.properties.code, geometry: f.geometry as Geometry, minX, minY, maxX, maxY };
  });
  return points.map(({ lon, lat }) => boxes.find((b) => lon >= b.minX && lon <= b.maxX && lat >= b.minY && lat <= b.maxY && pointInGeometry(lon, lat, b.geometry))?.code ?? null);
}
