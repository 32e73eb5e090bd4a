import { idParams, localitiesQuery, locality, localityImportResult, localityInput, localityPatch } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createLocality, getLocalities, getLocality, importLocalities, patchLocality, removeLocality } from './locality.service.ts';

export function localityRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/localities',
      access: 'public',
      summary: 'Localities (villages and towns), optionally of one municipality or matching a name',
      tags: ['geography'],
      query: localitiesQuery,
      response: z.array(locality),
      handler: ({ ctx, query }) => getLocalities(deps, ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/localities/:id',
      access: 'public',
      summary: 'One locality',
      tags: ['geography'],
      params: idParams,
      response: locality,
      handler: ({ ctx, params }) => getLocality(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/localities',
      access: 'admin',
      summary: 'Add a locality',
      tags: ['geography'],
      body: localityInput,
      response: locality,
      status: 201,
      handler: ({ ctx, body }) => createLocality(deps, ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/localities/:id',
      access: 'admin',
      summary: 'Edit a locality',
      tags: ['geography'],
      params: idParams,
      body: localityPatch,
      response: locality,
      handler: ({ ctx, params, body }) => patchLocality(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/localities/:id',
      access: 'admin',
      summary: 'Remove a locality',
      tags: ['geography'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeLocality(deps, ctx, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/localities/import',
      access: 'admin',
      summary: 'Import localities from CSV (name, municipality_code, lon, lat[, population]); dryRun=true previews',
      tags: ['geography'],
      query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
      body: z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
      accepts: ['text/csv', 'text/plain'],
      response: localityImportResult,
      handler: ({ ctx, query, body }) => importLocalities(deps, ctx, body.csv, query.dryRun === 'true'),
    }),
  ];
}
