import { endpoint } from '../endpoint.ts';
import { health, publicSettings } from '../health.ts';

/** The system endpoints (the server's system.routes.ts implements them). */
export const systemEndpoints = {
  checkHealth: endpoint({
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    response: health,
  }),
  getSettings: endpoint({
    method: 'GET',
    path: '/api/settings',
    access: 'public',
    summary: 'Public settings for the web app (map style, sign-in options)',
    tags: ['system'],
    response: publicSettings,
  }),
};
