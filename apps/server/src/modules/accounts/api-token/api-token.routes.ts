import { apiTokenEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { createApiToken, listMyApiTokens, revokeMyApiToken } from './api-token.service.ts';

function userIdOf(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.user.id;
}

export function apiTokenRoutes(deps: Deps) {
  return [
    defineRoute(apiTokenEndpoints.listMyApiTokens, {
      handler: ({ ctx }) => listMyApiTokens(deps, userIdOf(ctx)),
    }),
    defineRoute(apiTokenEndpoints.createApiToken, {
      handler: ({ ctx, body }) => createApiToken(deps, ctx, userIdOf(ctx), body.name, body.scopes),
    }),
    defineRoute(apiTokenEndpoints.revokeMyApiToken, {
      handler: async ({ ctx, params }) => {
        await revokeMyApiToken(deps, ctx, userIdOf(ctx), params.id);
      },
    }),
  ];
}
