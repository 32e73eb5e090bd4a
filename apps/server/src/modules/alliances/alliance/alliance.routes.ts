import { allianceEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addAllianceMember, createAlliance, getAlliance, getAlliancesDirectory, getSpaceAlliances, patchAlliance, removeAllianceMember } from './alliance.service.ts';

export function allianceRoutes(deps: Deps) {
  return [
    defineRoute(allianceEndpoints.getAlliancesDirectory, {
      personal: false,
      handler: ({ ctx, query }) => getAlliancesDirectory(deps, ctx, query),
    }),
    defineRoute(allianceEndpoints.getSpaceAlliances, {
      personal: true,
      handler: ({ ctx, params }) => getSpaceAlliances(deps, ctx, params.id),
    }),
    defineRoute(allianceEndpoints.createAlliance, {
      handler: ({ ctx, params, body }) => createAlliance(deps, ctx, params.id, body),
    }),
    defineRoute(allianceEndpoints.getAlliance, {
      personal: true,
      handler: ({ ctx, params }) => getAlliance(deps, ctx, params.id),
    }),
    defineRoute(allianceEndpoints.patchAlliance, {
      handler: ({ ctx, params, body }) => patchAlliance(deps, ctx, params.id, body),
    }),
    defineRoute(allianceEndpoints.addAllianceMember, {
      handler: ({ ctx, params, body }) => addAllianceMember(deps, ctx, params.id, body),
    }),
    defineRoute(allianceEndpoints.removeAllianceMember, {
      handler: async ({ ctx, params }) => {
        await removeAllianceMember(deps, ctx, params.id, params.organisationId);
      },
    }),
  ];
}
