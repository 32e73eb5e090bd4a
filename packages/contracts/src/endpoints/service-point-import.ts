import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { servicePointImportQuery, servicePointImportResult } from '../service-points.ts';

const upload = { field: 'file', description: 'CSV `id,type,lon,lat,name` (optional `kinds`, `address`, `opening_hours`) or an OSM extract (.osm.pbf, .osm, gzip)', maxBytes: 200 * 1024 * 1024 };

/** The service point import endpoints (the server's service-point-import.routes.ts implements them). */
export const servicePointImportEndpoints = {
  importServicePoints: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/service-points/import',
    access: 'signed_in',
    summary: 'Import service points from CSV or OSM, matched against existing points by id, distance and name; dryRun=true previews',
    tags: ['services'],
    params: idParams,
    query: servicePointImportQuery,
    upload,
    response: servicePointImportResult,
  }),
};
