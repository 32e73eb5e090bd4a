import { followEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { unsubscribe } from '../unsubscribe/unsubscribe.service.ts';
import { confirmFollow, createFollow, deleteFollow, getMyFollows } from './follow.service.ts';

export function followRoutes(deps: Deps) {
  return [
    defineRoute(followEndpoints.createFollow, {
      personal: true,
      handler: ({ ctx, body }) => createFollow(deps, ctx, body),
    }),
    defineRoute(followEndpoints.confirmFollow, {
      personal: true,
      handler: ({ ctx, body }) => confirmFollow(deps, ctx, body.token),
    }),
    defineRoute(followEndpoints.getMyFollows, {
      handler: ({ ctx }) => getMyFollows(deps, ctx),
    }),
    defineRoute(followEndpoints.deleteFollow, {
      handler: async ({ ctx, params }) => {
        await deleteFollow(deps, ctx, params.id);
      },
    }),
    // RFC 8058: the mail program POSTs the form `List-Unsubscribe=One-Click` to the link (token in the query).
    defineRoute(followEndpoints.unsubscribe, {
      personal: true,
      handler: ({ ctx, query, body }) => unsubscribe(deps, ctx, body.token ?? query.token),
    }),
  ];
}
