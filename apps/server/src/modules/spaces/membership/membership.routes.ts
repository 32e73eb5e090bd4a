import { membershipEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { inviteMember } from '../invitation/invitation.service.ts';
import { changeMemberRole, getMembers, removeMember } from './membership.service.ts';

export function membershipRoutes(deps: Deps) {
  return [
    defineRoute(membershipEndpoints.getMembers, {
      handler: ({ ctx, params }) => getMembers(deps, ctx, params.id),
    }),
    defineRoute(membershipEndpoints.inviteMember, {
      handler: ({ ctx, params, body }) => inviteMember(deps, ctx, params.id, body),
    }),
    defineRoute(membershipEndpoints.changeMemberRole, {
      handler: ({ ctx, params, body }) => changeMemberRole(deps, ctx, params.id, params.userId, body.role),
    }),
    defineRoute(membershipEndpoints.removeMember, {
      handler: async ({ ctx, params }) => {
        await removeMember(deps, ctx, params.id, params.userId);
      },
    }),
  ];
}
