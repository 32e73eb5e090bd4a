import { roadNetworkEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { saveUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getNetworks, getSpaceRoads, importNetworkUpload } from './network.service.ts';

export function roadNetworkRoutes(deps: Deps) {
  return [
    defineRoute(roadNetworkEndpoints.getRoadNetworks, {
      handler: ({ ctx, params }) => getNetworks(deps, ctx, params.id),
    }),
    defineRoute(roadNetworkEndpoints.getRoadNetworkRoads, {
      handler: async ({ ctx, params, request, reply }) => {
        const roads = await getSpaceRoads(deps, ctx, params.id);
        // Members-only spaces have roads too: kept by the browser only, and checked with the server each time.
        reply.header('Cache-Control', 'private, no-cache');
        if (!roads) return { type: 'FeatureCollection' as const, features: [] };
        reply.header('ETag', roads.etag);
        if (request.headers['if-none-match'] === roads.etag) return reply.status(304).send() as never;
        // The stored GeoJSON as it is (written by the build job against the same schema).
        return reply.type('application/json; charset=utf-8').send(await roads.read()) as never;
      },
    }),
    defineRoute(roadNetworkEndpoints.importRoadNetwork, {
      handler: ({ ctx, params, query, request }) => importNetworkUpload(deps, ctx, params.id, (target) => saveUpload(request, roadNetworkEndpoints.importRoadNetwork.upload.maxBytes, target), query),
    }),
  ];
}
