import { idParams, space, spaceInput, spacePatch, spacesQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createSpace, getSpace, listSpaces, patchSpace } from './space.service.ts';

export function spaceRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces',
      access: 'public',
      personal: true,
      summary: 'Spaces the caller may see: public ones, their own, all for admins',
      tags: ['spaces'],
      query: spacesQuery,
      response: z.array(space),
      handler: ({ ctx, query }) =>
        listSpaces(deps, ctx, {
          archived: query.archived === undefined ? undefined : query.archived === 'true',
          mine: query.mine === 'true',
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces',
      access: 'signed_in',
      summary: 'Create a space; the creator becomes its administrator',
      tags: ['spaces'],
      body: spaceInput,
      response: space,
      status: 201,
      handler: ({ ctx, body }) => createSpace(deps, ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id',
      access: 'public',
      personal: true,
      summary: 'One space (404 when the caller may not see it)',
      tags: ['spaces'],
      params: idParams,
      response: space,
      handler: ({ ctx, params }) => getSpace(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/spaces/:id',
      access: 'signed_in',
      summary: 'Edit, archive (archived: true) or restore a space',
      tags: ['spaces'],
      params: idParams,
      body: spacePatch,
      response: space,
      handler: ({ ctx, params, body }) => patchSpace(deps, ctx, params.id, body),
    }),
  ];
}
