import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { populationFromLocalities, populationImportQuery, populationSet } from '../analyses.ts';
import { idParams } from '../common.ts';

const MAX_POPULATION_BYTES = 100 * 1024 * 1024;

/** The population endpoints (the server's population.routes.ts implements them). */
export const populationEndpoints = {
  getPopulationSets: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/population',
    access: 'public',
    summary: 'The population data sets of a space (SCB grid, origins, localities) with population per municipality',
    tags: ['analyses'],
    params: idParams,
    response: z.array(populationSet),
  }),
  importPopulation: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/population/import',
    access: 'signed_in',
    summary: 'Import population (multipart field file): origins CSV id,lon,lat,population, or the SCB 1 km grid as CSV or GeoPackage (beftotalt, sex and age bands); each cell placed in its municipality',
    tags: ['analyses'],
    params: idParams,
    query: populationImportQuery,
    upload: { field: 'file', description: 'Origins CSV (id,lon,lat,population[,name][,municipality]), SCB grid CSV (rutid_scb, beftotalt, man, kvinna, ald…) or SCB GeoPackage', maxBytes: MAX_POPULATION_BYTES },
    response: populationSet,
    status: 201,
  }),
  populationFromLocalities: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/population/localities',
    access: 'signed_in',
    summary: "The localities with a population in the space's municipalities as origins",
    tags: ['analyses'],
    params: idParams,
    body: populationFromLocalities,
    response: populationSet,
    status: 201,
  }),
};
