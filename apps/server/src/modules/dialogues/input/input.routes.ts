import { idParams, inputDetail, inputInput, inputPage, inputPatch, inputsExportQuery, inputsQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { inputsToCsv, inputsToGeoJson } from './input-export.ts';
import { getInput, getInputsForExport, getSpaceInputs, patchInput, submitInput } from './input.service.ts';

export function inputRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/inputs',
      access: 'public',
      summary: 'Needs and ideas raised in a space, filtered by status, kind, theme, service type, municipality, Agenda 2030 goal, source or event; paged, newest first',
      tags: ['inputs'],
      params: idParams,
      query: inputsQuery,
      response: inputPage.extend({ allowedActions: z.array(z.string()) }),
      handler: ({ ctx, params, query }) => getSpaceInputs(deps, ctx, params.id, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/inputs',
      access: 'public',
      summary: 'Raise a need or an idea (public form, no account needed), or enter one on someone’s behalf (source "facilitator", leaders)',
      tags: ['inputs'],
      params: idParams,
      body: inputInput,
      response: inputDetail,
      status: 201,
      handler: ({ ctx, params, body }) => submitInput(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/inputs/export',
      access: 'public',
      summary: 'The inputs under the same filters as CSV or as GeoJSON points (public fields only)',
      tags: ['inputs'],
      params: idParams,
      query: inputsExportQuery,
      handler: async ({ ctx, params, query, reply }) => {
        const { format, ...filter } = query;
        const items = await getInputsForExport(deps, ctx, params.id, { ...filter, limit: 50_000, offset: 0 });
        const [body, type, name] =
          format === 'csv'
            ? [inputsToCsv(items), 'text/csv; charset=utf-8', 'inspel.csv']
            : [JSON.stringify(inputsToGeoJson(items)), 'application/geo+json; charset=utf-8', 'inspel.geojson'];
        return reply.type(type).header('Content-Disposition', `attachment; filename="${name}"`).send(body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/inputs/:id',
      access: 'public',
      summary: 'One input with its public timeline of status changes (date and reason)',
      tags: ['inputs'],
      params: idParams,
      response: inputDetail,
      handler: ({ ctx, params }) => getInput(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/inputs/:id',
      access: 'signed_in',
      summary: 'Change an input’s status (with `reason`, required when declining; `plannedRef` when planned), correct its classification, or hide it (the space’s leaders)',
      tags: ['inputs'],
      params: idParams,
      body: inputPatch,
      response: inputDetail,
      handler: ({ ctx, params, body }) => patchInput(deps, ctx, params.id, body),
    }),
  ];
}
