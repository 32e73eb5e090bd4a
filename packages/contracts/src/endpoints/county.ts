import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { boundaryCollection, county } from '../geography.ts';

/** The county endpoints (the server's county.routes.ts implements them). */
export const countyEndpoints = {
  getCounties: endpoint({
    method: 'GET',
    path: '/api/counties',
    access: 'public',
    summary: 'The 21 counties (län) with their official codes',
    tags: ['geography'],
    response: z.array(county),
  }),
  getCountyBoundaries: endpoint({
    method: 'GET',
    path: '/api/counties/boundaries',
    access: 'public',
    summary: 'County boundaries as a GeoJSON FeatureCollection (the base map of Sweden)',
    tags: ['geography'],
    response: boundaryCollection,
  }),
};
