import { inputEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { inputsToCsv, inputsToGeoJson } from './input-export.ts';
import { getInput, getInputsForExport, getInputSummary, getSpaceInputs, patchInput, submitInput } from './input.service.ts';

export function inputRoutes(deps: Deps) {
  return [
    defineRoute(inputEndpoints.getSpaceInputs, {
      handler: ({ ctx, params, query }) => getSpaceInputs(deps, ctx, params.id, query),
    }),
    defineRoute(inputEndpoints.submitInput, {
      handler: ({ ctx, params, body }) => submitInput(deps, ctx, params.id, body),
    }),
    defineRoute(inputEndpoints.getInputsForExport, {
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
    defineRoute(inputEndpoints.getInputSummary, {
      handler: ({ ctx, params, query }) => getInputSummary(deps, ctx, params.id, { ...query, limit: 1, offset: 0 }),
    }),
    defineRoute(inputEndpoints.getInput, {
      handler: ({ ctx, params }) => getInput(deps, ctx, params.id),
    }),
    defineRoute(inputEndpoints.patchInput, {
      handler: ({ ctx, params, body }) => patchInput(deps, ctx, params.id, body),
    }),
  ];
}
