import { countyEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getCounties, getCountyBoundaries } from './county.service.ts';

export function countyRoutes(deps: Deps) {
  return [
    defineRoute(countyEndpoints.getCounties, {
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getCounties(deps);
      },
    }),
    defineRoute(countyEndpoints.getCountyBoundaries, {
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getCountyBoundaries(deps);
      },
    }),
  ];
}
