import { servicePointImportEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { readUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { importServicePoints } from './service-point-import.service.ts';

export function servicePointImportRoutes(deps: Deps) {
  return [
    defineRoute(servicePointImportEndpoints.importServicePoints, {
      handler: async ({ ctx, params, query, request }) => {
        const file = await readUpload(request, servicePointImportEndpoints.importServicePoints.upload);
        return importServicePoints(deps, ctx, params.id, file, { dryRun: query.dryRun === 'true', matchMeters: query.matchMeters });
      },
    }),
  ];
}
