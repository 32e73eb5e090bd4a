import { municipalityEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getMunicipalities, getMunicipality, getMunicipalityBoundaries } from './municipality.service.ts';

export function municipalityRoutes(deps: Deps) {
  return [
    defineRoute(municipalityEndpoints.getMunicipalities, {
      handler: async ({ query, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipalities(deps, query.county);
      },
    }),
    defineRoute(municipalityEndpoints.getMunicipalityBoundaries, {
      handler: async ({ query, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipalityBoundaries(deps, query.codes);
      },
    }),
    defineRoute(municipalityEndpoints.getMunicipality, {
      handler: async ({ params, reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getMunicipality(deps, params.code);
      },
    }),
  ];
}
