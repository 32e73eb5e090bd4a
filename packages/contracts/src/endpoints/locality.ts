import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { localitiesQuery, locality, localityImportResult, localityInput, localityPatch } from '../geography.ts';

/** The locality endpoints (the server's locality.routes.ts implements them). */
export const localityEndpoints = {
  getLocalities: endpoint({
    method: 'GET',
    path: '/api/localities',
    access: 'public',
    summary: 'Localities (villages and towns), optionally of one municipality or matching a name',
    tags: ['geography'],
    query: localitiesQuery,
    response: z.array(locality),
  }),
  getLocality: endpoint({
    method: 'GET',
    path: '/api/localities/:id',
    access: 'public',
    summary: 'One locality',
    tags: ['geography'],
    params: idParams,
    response: locality,
  }),
  createLocality: endpoint({
    method: 'POST',
    path: '/api/localities',
    access: 'admin',
    summary: 'Add a locality',
    tags: ['geography'],
    body: localityInput,
    response: locality,
    status: 201,
  }),
  patchLocality: endpoint({
    method: 'PATCH',
    path: '/api/localities/:id',
    access: 'admin',
    summary: 'Edit a locality',
    tags: ['geography'],
    params: idParams,
    body: localityPatch,
    response: locality,
  }),
  removeLocality: endpoint({
    method: 'DELETE',
    path: '/api/localities/:id',
    access: 'admin',
    summary: 'Remove a locality',
    tags: ['geography'],
    params: idParams,
    status: 204,
  }),
  importLocalities: endpoint({
    method: 'POST',
    path: '/api/localities/import',
    access: 'admin',
    summary: 'Import localities from CSV (name, municipality_code, lon, lat[, population]); dryRun=true previews',
    tags: ['geography'],
    query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
    body: z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
    accepts: ['text/csv', 'text/plain'],
    response: localityImportResult,
  }),
};
