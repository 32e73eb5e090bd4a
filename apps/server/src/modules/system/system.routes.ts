import { health, publicSettings } from '@samhandling/contracts';
import { defineRoute } from '../../http/route.ts';
import type { Deps } from '../../platform/deps.ts';
import { checkHealth } from './system.service.ts';

export function systemRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      access: 'public',
      summary: 'Liveness and database reachability',
      tags: ['system'],
      response: health,
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'no-store');
        return checkHealth(deps);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/settings',
      access: 'public',
      summary: 'Public settings for the web app (map style, sign-in options)',
      tags: ['system'],
      response: publicSettings,
      handler: async () => ({
        version: deps.version,
        mapStyleUrl: deps.config.mapStyleUrl ?? null,
        oidc: deps.config.oidc ? { name: deps.config.oidc.name } : null,
        demo: deps.config.demo,
      }),
    }),
  ];
}
