import { idParams, servicePointImportQuery, servicePointImportResult } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { readUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { importServicePoints } from './service-point-import.service.ts';

const upload = { field: 'file', description: 'CSV `id,type,lon,lat,name` (optional `kinds`, `address`, `opening_hours`) or an OSM extract (.osm.pbf, .osm, gzip)', maxBytes: 200 * 1024 * 1024 };

export function servicePointImportRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/service-points/import',
      access: 'signed_in',
      summary: 'Import service points from CSV or OSM, matched against existing points by id, distance and name; dryRun=true previews',
      tags: ['services'],
      params: idParams,
      query: servicePointImportQuery,
      upload,
      response: servicePointImportResult,
      handler: async ({ ctx, params, query, request }) => {
        const file = await readUpload(request, upload);
        return importServicePoints(deps, ctx, params.id, file, { dryRun: query.dryRun === 'true', matchMeters: query.matchMeters });
      },
    }),
  ];
}
