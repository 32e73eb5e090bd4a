import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Deps } from '../../../platform/deps.ts';
import { getMunicipalities, getMunicipalityBoundaries } from '../../geography/municipality/municipality.service.ts';

interface Area {
  code: string;
  bbox: [number, number, number, number];
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

function bboxOf(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(coordinates);
  return box;
}

let areas: Promise<Area[]> | undefined;

/** The 290 municipality boundaries shipped in data/geo, loaded once per process (they change only with a migration). */
function loadAreas(deps: Deps): Promise<Area[]> {
  areas ??= (async () => {
    const codes = (await getMunicipalities(deps)).map((m) => m.code);
    const fc = await getMunicipalityBoundaries(deps, codes);
    return fc.features.map((f) => ({ code: f.properties.code, bbox: bboxOf(f.geometry.coordinates), geometry: f.geometry }));
  })().catch((error) => {
    areas = undefined;
    throw error;
  });
  return areas;
}

/** The municipality each place lies in (by the shipped boundaries), or null outside Sweden's. */
export async function municipalityOf(deps: Deps, places: { lon: number; lat: number }[]): Promise<(string | null)[]> {
  const all = await loadAreas(deps);
  let last: Area | undefined;
  const inside = (a: Area, p: { lon: number; lat: number }) =>
    p.lon >= a.bbox[0] && p.lon <= a.bbox[2] && p.lat >= a.bbox[1] && p.lat <= a.bbox[3] && booleanPointInPolygon([p.lon, p.lat], a.geometry as never);
  return places.map((p) => {
    // Neighbouring cells mostly share a municipality: try the last one first.
    if (last && inside(last, p)) return last.code;
    const hit = all.find((a) => inside(a, p));
    if (hit) last = hit;
    return hit?.code ?? null;
  });
}
