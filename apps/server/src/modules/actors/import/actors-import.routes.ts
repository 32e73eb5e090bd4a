import { actorsImportEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { importIntoSpace } from './actors-import.service.ts';

export function actorsImportRoutes(deps: Deps) {
  return [
    defineRoute(actorsImportEndpoints.importIntoSpace, {
      handler: ({ ctx, params, query, body }) => importIntoSpace(deps, ctx, params.id, params.kind, body.csv, query.dryRun === 'true'),
    }),
  ];
}
