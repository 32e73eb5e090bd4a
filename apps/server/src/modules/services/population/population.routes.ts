import { idParams, populationFromLocalities, populationImportQuery, populationSet } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { readUploadBuffer } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getPopulationSets, importPopulation, populationFromLocalities as fromLocalities } from './population.service.ts';

const MAX_POPULATION_BYTES = 100 * 1024 * 1024;

export function populationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/population',
      access: 'public',
      summary: 'The population data sets of a space (SCB grid, origins, localities) with population per municipality',
      tags: ['analyses'],
      params: idParams,
      response: z.array(populationSet),
      handler: ({ ctx, params }) => getPopulationSets(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/population/import',
      access: 'signed_in',
      summary:
        'Import population (multipart field file): origins CSV id,lon,lat,population, or the SCB 1 km grid as CSV or GeoPackage (beftotalt, sex and age bands); each cell placed in its municipality',
      tags: ['analyses'],
      params: idParams,
      query: populationImportQuery,
      upload: { field: 'file', description: 'Origins CSV (id,lon,lat,population[,name][,municipality]), SCB grid CSV (rutid_scb, beftotalt, man, kvinna, ald…) or SCB GeoPackage', maxBytes: MAX_POPULATION_BYTES },
      status: 201,
      response: populationSet,
      handler: ({ ctx, params, query, request }) => importPopulation(deps, ctx, params.id, () => readUploadBuffer(request, MAX_POPULATION_BYTES), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/population/localities',
      access: 'signed_in',
      summary: "The localities with a population in the space's municipalities as origins",
      tags: ['analyses'],
      params: idParams,
      body: populationFromLocalities,
      status: 201,
      response: populationSet,
      handler: ({ ctx, params, body }) => fromLocalities(deps, ctx, params.id, body),
    }),
  ];
}
