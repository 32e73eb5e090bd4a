import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database, GeoJsonGeometry } from '../../db/schema.ts';
import { insertCounties } from './county/county.repository.ts';
import { countMunicipalities, insertMunicipalities } from './municipality/municipality.repository.ts';

const DATA_DIR = fileURLToPath(new URL('../../../../../data/geo/', import.meta.url));

/** Official county names by code (SCB), as the shipped file has short names only. */
export const COUNTY_NAMES: Record<string, string> = {
  '01': 'Stockholms län',
  '03': 'Uppsala län',
  '04': 'Södermanlands län',
  '05': 'Östergötlands län',
  '06': 'Jönköpings län',
  '07': 'Kronobergs län',
  '08': 'Kalmar län',
  '09': 'Gotlands län',
  '10': 'Blekinge län',
  '12': 'Skåne län',
  '13': 'Hallands län',
  '14': 'Västra Götalands län',
  '17': 'Värmlands län',
  '18': 'Örebro län',
  '19': 'Västmanlands län',
  '20': 'Dalarnas län',
  '21': 'Gävleborgs län',
  '22': 'Västernorrlands län',
  '23': 'Jämtlands län',
  '24': 'Västerbottens län',
  '25': 'Norrbottens län',
};

interface Feature<P> {
  properties: P;
  geometry: GeoJsonGeometry;
}

function readFeatures<P>(file: string): Feature<P>[] {
  return (JSON.parse(readFileSync(DATA_DIR + file, 'utf8')) as { features: Feature<P>[] }).features;
}

/** Loads the 21 counties and 290 municipalities once, into an empty database. */
export async function ensureGeography(db: Kysely<Database>): Promise<boolean> {
  if ((await countMunicipalities(db)) > 0) return false;
  const counties = readFeatures<{ name: string; l_id: number }>('swedish_regions.geojson');
  const municipalities = readFeatures<{ id: string; kom_namn: string; lan_code: string; geo_point_2d: [number, number] }>(
    'swedish_municipalities.geojson',
  );
  await db.transaction().execute(async (trx) => {
    await insertCounties(
      trx,
      counties.map((f) => {
        const code = String(f.properties.l_id).padStart(2, '0');
        return { code, name: COUNTY_NAMES[code] ?? f.properties.name, short_name: f.properties.name, boundary: JSON.stringify(f.geometry) };
      }),
    );
    for (let i = 0; i < municipalities.length; i += 50) {
      await insertMunicipalities(
        trx,
        municipalities.slice(i, i + 50).map((f) => ({
          code: f.properties.id,
          name: f.properties.kom_namn,
          county_code: f.properties.lan_code,
          boundary: JSON.stringify(f.geometry),
          centroid_lat: f.properties.geo_point_2d[0],
          centroid_lon: f.properties.geo_point_2d[1],
        })),
      );
    }
  });
  return true;
}
