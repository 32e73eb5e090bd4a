import { groupEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addGroupMember, createGroup, getGroup, getSpaceGroups, patchGroup, removeGroupMember } from './group.service.ts';

export function groupRoutes(deps: Deps) {
  return [
    defineRoute(groupEndpoints.getSpaceGroups, {
      personal: true,
      handler: ({ ctx, params }) => getSpaceGroups(deps, ctx, params.id),
    }),
    defineRoute(groupEndpoints.createGroup, {
      handler: ({ ctx, params, body }) => createGroup(deps, ctx, params.id, body),
    }),
    defineRoute(groupEndpoints.getGroup, {
      personal: true,
      handler: ({ ctx, params }) => getGroup(deps, ctx, params.id),
    }),
    defineRoute(groupEndpoints.patchGroup, {
      handler: ({ ctx, params, body }) => patchGroup(deps, ctx, params.id, body),
    }),
    defineRoute(groupEndpoints.addGroupMember, {
      handler: ({ ctx, params, body }) => addGroupMember(deps, ctx, params.id, body),
    }),
    defineRoute(groupEndpoints.removeGroupMember, {
      handler: async ({ ctx, params }) => {
        await removeGroupMember(deps, ctx, params.id, params.personId);
      },
    }),
  ];
}
