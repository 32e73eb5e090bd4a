import { county } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getCounties, getCountyBoundaries } from './county.service.ts';

export function countyRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/counties',
      access: 'public',
      summary: 'The 21 counties (län) with their official codes',
      tags: ['geography'],
      response: z.array(county),
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getCounties(deps);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/counties/boundaries',
      access: 'public',
      summary: 'County boundaries as a GeoJSON FeatureCollection (the base map of Sweden)',
      tags: ['geography'],
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return getCountyBoundaries(deps);
      },
    }),
  ];
}
