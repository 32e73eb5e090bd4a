import { collaboration, collaborationInput, collaborationsQuery, idParams } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getCollaboration, getCollaborations, recordCollaboration, removeCollaboration } from './collaboration.service.ts';

export function collaborationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/collaborations',
      access: 'public',
      summary: 'Collaborations between organisations, by organisation, space, type or source',
      tags: ['actors'],
      query: collaborationsQuery,
      response: z.array(collaboration),
      handler: ({ ctx, query }) => getCollaborations(deps, ctx, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/collaborations',
      access: 'signed_in',
      summary: "Record a collaboration between two organisations (undirected): with spaceId as that space's view (its leaders), without as the registry's (the organisations' representatives, admins)",
      tags: ['actors'],
      body: collaborationInput,
      response: collaboration,
      status: 201,
      handler: ({ ctx, body }) => recordCollaboration(deps, ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/collaborations/:id',
      access: 'public',
      summary: 'One collaboration',
      tags: ['actors'],
      params: idParams,
      response: collaboration,
      handler: ({ ctx, params }) => getCollaboration(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/collaborations/:id',
      access: 'signed_in',
      summary: "Remove a collaboration (a space's own: its leaders; the registry's: the organisations' representatives; admins)",
      tags: ['actors'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeCollaboration(deps, ctx, params.id);
      },
    }),
  ];
}
