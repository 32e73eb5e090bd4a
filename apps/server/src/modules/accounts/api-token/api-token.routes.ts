import { apiToken, apiTokenInput, createdApiToken, idParams } from '@samhandling/contracts';
import { z } from 'zod';
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
    defineRoute({
      method: 'GET',
      url: '/api/me/tokens',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'One’s personal API tokens (without their secrets)',
      tags: ['account'],
      response: z.array(apiToken),
      handler: ({ ctx }) => listMyApiTokens(deps, userIdOf(ctx)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/tokens',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'Create a personal API token; the secret is shown once in the answer',
      tags: ['account'],
      body: apiTokenInput,
      response: createdApiToken,
      status: 201,
      handler: ({ ctx, body }) => createApiToken(deps, ctx, userIdOf(ctx), body.name, body.scopes),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/me/tokens/:id',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'Revoke a personal API token',
      tags: ['account'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await revokeMyApiToken(deps, ctx, userIdOf(ctx), params.id);
      },
    }),
  ];
}
