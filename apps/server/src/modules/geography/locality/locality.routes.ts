import { localityEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createLocality, getLocalities, getLocality, importLocalities, patchLocality, removeLocality } from './locality.service.ts';

export function localityRoutes(deps: Deps) {
  return [
    defineRoute(localityEndpoints.getLocalities, {
      handler: ({ ctx, query }) => getLocalities(deps, ctx, query),
    }),
    defineRoute(localityEndpoints.getLocality, {
      handler: ({ ctx, params }) => getLocality(deps, ctx, params.id),
    }),
    defineRoute(localityEndpoints.createLocality, {
      handler: ({ ctx, body }) => createLocality(deps, ctx, body),
    }),
    defineRoute(localityEndpoints.patchLocality, {
      handler: ({ ctx, params, body }) => patchLocality(deps, ctx, params.id, body),
    }),
    defineRoute(localityEndpoints.removeLocality, {
      handler: async ({ ctx, params }) => {
        await removeLocality(deps, ctx, params.id);
      },
    }),
    defineRoute(localityEndpoints.importLocalities, {
      handler: ({ ctx, query, body }) => importLocalities(deps, ctx, body.csv, query.dryRun === 'true'),
    }),
  ];
}
