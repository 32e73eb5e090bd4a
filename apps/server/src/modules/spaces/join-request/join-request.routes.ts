import { joinRequestEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { decideJoinRequest, getJoinRequests, getOwnJoinRequest, joinSpace, withdrawJoinRequest } from './join-request.service.ts';

export function joinRequestRoutes(deps: Deps) {
  return [
    defineRoute(joinRequestEndpoints.joinSpace, {
      handler: ({ ctx, params, body }) => joinSpace(deps, ctx, params.id, body),
    }),
    defineRoute(joinRequestEndpoints.getOwnJoinRequest, {
      personal: true,
      handler: ({ ctx, params }) => getOwnJoinRequest(deps, ctx, params.id),
    }),
    defineRoute(joinRequestEndpoints.withdrawJoinRequest, {
      handler: async ({ ctx, params }) => {
        await withdrawJoinRequest(deps, ctx, params.id);
      },
    }),
    defineRoute(joinRequestEndpoints.getJoinRequests, {
      handler: ({ ctx, params }) => getJoinRequests(deps, ctx, params.id),
    }),
    defineRoute(joinRequestEndpoints.decideJoinRequest, {
      handler: ({ ctx, params, body }) => decideJoinRequest(deps, ctx, params.id, params.requestId, body.decision),
    }),
  ];
}
