import { municipalitiesQuery, municipality, municipalityCode, municipalityDetail } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getMunicipalities, getMunicipality, getMunicipalityBoundaries } from './municipality.service.ts';

export function municipalityRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/municipalities',
      access: 'public',
      summary: 'The 290 municipalities (kommuner) with code, name and county, in Swedish order',
      tags: ['geography'],
      query: municipalitiesQuery,
      response: z.array(municipality),
      handler: async ({ query, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipalities(deps, query.county);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/municipalities/boundaries',
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
      handler: async ({ query, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipalityBoundaries(deps, query.codes);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/municipalities/:code',
      access: 'public',
      summary: 'One municipality with its boundary as a GeoJSON Feature',
      tags: ['geography'],
      params: z.object({ code: municipalityCode }),
      response: municipalityDetail,
      handler: async ({ params, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipality(deps, params.code);
      },
    }),
  ];
}
