import { county } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { listCounties, listCountyBoundaries } from './county.repository.ts';

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
        return (await listCounties(deps.db)).map((c) => ({ code: c.code, name: c.name, shortName: c.short_name }));
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
        const rows = await listCountyBoundaries(deps.db);
        return {
          type: 'FeatureCollection',
          features: rows.map((c) => ({ type: 'Feature', id: Number(c.code), properties: { code: c.code, name: c.name }, geometry: c.boundary })),
        };
      },
    }),
  ];
}
