import { systemEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../http/route.ts';
import type { Deps } from '../../platform/deps.ts';
import { checkHealth } from './system.service.ts';
import { MAP_FONTS_PATH, mapTilesUrl } from '../../http/map-tiles.ts';

export function systemRoutes(deps: Deps) {
  return [
    defineRoute(systemEndpoints.checkHealth, {
      handler: async ({ reply }) => {
        reply.header('Cache-Control', 'no-store');
        return checkHealth(deps);
      },
    }),
    defineRoute(systemEndpoints.getSettings, {
      handler: async () => ({
        version: deps.version,
        mapStyleUrl: deps.config.mapStyleUrl ?? null,
        mapTilesUrl: mapTilesUrl(deps.config),
        mapGlyphsUrl: deps.config.mapFonts ? `${MAP_FONTS_PATH}/{fontstack}/{range}.pbf` : null,
        signup: deps.config.signup ?? { mode: 'invite', domains: [] },
        oidc: deps.config.oidc ? { name: deps.config.oidc.name } : null,
        demo: deps.config.demo,
      }),
    }),
  ];
}
