import { representativeEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { claimRepresentation, confirmRepresentative, getRepresentatives, removeRepresentative } from './representative.service.ts';

export function representativeRoutes(deps: Deps) {
  return [
    defineRoute(representativeEndpoints.getRepresentatives, {
      handler: ({ ctx, params }) => getRepresentatives(deps, ctx, params.id),
    }),
    defineRoute(representativeEndpoints.claimRepresentation, {
      handler: ({ ctx, params, body }) => claimRepresentation(deps, ctx, params.id, body),
    }),
    defineRoute(representativeEndpoints.confirmRepresentative, {
      handler: ({ ctx, params }) => confirmRepresentative(deps, ctx, params.id, params.userId),
    }),
    defineRoute(representativeEndpoints.removeRepresentative, {
      handler: async ({ ctx, params }) => {
        await removeRepresentative(deps, ctx, params.id, params.userId);
      },
    }),
  ];
}
