import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { municipalityCode } from '../common.ts';
import { boundaryCollection, municipalitiesQuery, municipality, municipalityDetail } from '../geography.ts';

/** The municipality endpoints (the server's municipality.routes.ts implements them). */
export const municipalityEndpoints = {
  getMunicipalities: endpoint({
    method: 'GET',
    path: '/api/municipalities',
    access: 'public',
    summary: 'The 290 municipalities (kommuner) with code, name and county, in Swedish order',
    tags: ['geography'],
    query: municipalitiesQuery,
    response: z.array(municipality),
  }),
  getMunicipalityBoundaries: endpoint({
    method: 'GET',
    path: '/api/municipalities/boundaries',
    access: 'public',
    summary: 'Boundaries of the given municipalities as a GeoJSON FeatureCollection',
    tags: ['geography'],
    query: z.object({
        codes: z
          .string()
          .max(290 * 5)
          .transform((s) => s.split(',').filter(Boolean))
          .pipe(z.array(municipalityCode).max(290)),
      }),
    response: boundaryCollection,
  }),
  getMunicipality: endpoint({
    method: 'GET',
    path: '/api/municipalities/:code',
    access: 'public',
    summary: 'One municipality with its boundary as a GeoJSON Feature',
    tags: ['geography'],
    params: z.object({ code: municipalityCode }),
    response: municipalityDetail,
  }),
};
