import { populationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { readUploadBuffer } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getPopulationSets, importPopulation, populationFromLocalities as fromLocalities } from './population.service.ts';

export function populationRoutes(deps: Deps) {
  return [
    defineRoute(populationEndpoints.getPopulationSets, {
      handler: ({ ctx, params }) => getPopulationSets(deps, ctx, params.id),
    }),
    defineRoute(populationEndpoints.importPopulation, {
      handler: ({ ctx, params, query, request }) => importPopulation(deps, ctx, params.id, () => readUploadBuffer(request, populationEndpoints.importPopulation.upload.maxBytes), query),
    }),
    defineRoute(populationEndpoints.populationFromLocalities, {
      handler: ({ ctx, params, body }) => fromLocalities(deps, ctx, params.id, body),
    }),
  ];
}
