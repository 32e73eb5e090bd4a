import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { roadCollection, roadNetwork } from '../analyses.ts';
import { idParams } from '../common.ts';

const MAX_NETWORK_BYTES = 200 * 1024 * 1024;

/** The road network endpoints (the server's road-network.routes.ts implements them). */
export const roadNetworkEndpoints = {
  getRoadNetworks: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/networks',
    access: 'public',
    summary: 'The road networks of a space (OpenStreetMap), with the state of their graph build',
    tags: ['analyses'],
    params: idParams,
    response: z.array(roadNetwork),
  }),
  getRoadNetworkRoads: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/networks/roads',
    access: 'public',
    summary:
      "The drivable roads of the space's newest built road network as GeoJSON, one MultiLineString per display class (major, primary, secondary, minor), simplified for the maps; empty without one. Revalidate with If-None-Match (ETag): it changes only on re-import",
    tags: ['analyses'],
    params: idParams,
    response: roadCollection,
  }),
  importRoadNetwork: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/networks/import',
    access: 'signed_in',
    summary: 'Import a road network (multipart field file: OSM PBF, up to 200 MB); its graph is built and cached as a job',
    tags: ['analyses'],
    params: idParams,
    query: z.object({ name: z.string().trim().min(1).max(200).optional() }),
    upload: { field: 'file', description: 'An OpenStreetMap PBF extract (e.g. from Geofabrik), up to 200 MB', maxBytes: MAX_NETWORK_BYTES },
    response: roadNetwork,
    status: 201,
  }),
};
