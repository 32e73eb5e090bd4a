import { roadNetworkEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { saveUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getNetworks, importNetworkUpload } from './network.service.ts';

export function roadNetworkRoutes(deps: Deps) {
  return [
    defineRoute(roadNetworkEndpoints.getRoadNetworks, {
      handler: ({ ctx, params }) => getNetworks(deps, ctx, params.id),
    }),
    defineRoute(roadNetworkEndpoints.importRoadNetwork, {
      handler: ({ ctx, params, query, request }) => importNetworkUpload(deps, ctx, params.id, (target) => saveUpload(request, roadNetworkEndpoints.importRoadNetwork.upload.maxBytes, target), query),
    }),
  ];
}
