import { idParams, roadNetwork } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { saveUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getNetworks, importNetworkUpload } from './network.service.ts';

/** Uploads in the browser and the API; larger files with `samhandling import osm FILE --space ID`. */
const MAX_NETWORK_BYTES = 200 * 1024 * 1024;

export function roadNetworkRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/networks',
      access: 'public',
      summary: 'The road networks of a space (OpenStreetMap), with the state of their graph build',
      tags: ['analyses'],
      params: idParams,
      response: z.array(roadNetwork),
      handler: ({ ctx, params }) => getNetworks(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/networks/import',
      access: 'signed_in',
      summary: 'Import a road network (multipart field file: OSM PBF, up to 200 MB); its graph is built and cached as a job',
      tags: ['analyses'],
      params: idParams,
      query: z.object({ name: z.string().trim().min(1).max(200).optional() }),
      upload: { field: 'file', description: 'An OpenStreetMap PBF extract (e.g. from Geofabrik), up to 200 MB', maxBytes: MAX_NETWORK_BYTES },
      status: 201,
      response: roadNetwork,
      handler: ({ ctx, params, query, request }) => importNetworkUpload(deps, ctx, params.id, (target) => saveUpload(request, MAX_NETWORK_BYTES, target), query),
    }),
  ];
}
