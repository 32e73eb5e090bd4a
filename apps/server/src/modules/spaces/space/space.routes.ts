import { spaceEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createSpace, getSpace, listSpaces, patchSpace } from './space.service.ts';

export function spaceRoutes(deps: Deps) {
  return [
    defineRoute(spaceEndpoints.listSpaces, {
      personal: true,
      handler: ({ ctx, query }) =>
        listSpaces(deps, ctx, {
          archived: query.archived === undefined ? undefined : query.archived === 'true',
          mine: query.mine === 'true',
        }),
    }),
    defineRoute(spaceEndpoints.createSpace, {
      handler: ({ ctx, body }) => createSpace(deps, ctx, body),
    }),
    defineRoute(spaceEndpoints.getSpace, {
      personal: true,
      handler: ({ ctx, params }) => getSpace(deps, ctx, params.id),
    }),
    defineRoute(spaceEndpoints.patchSpace, {
      handler: ({ ctx, params, body }) => patchSpace(deps, ctx, params.id, body),
    }),
  ];
}
