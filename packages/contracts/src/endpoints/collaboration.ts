import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { collaboration, collaborationInput, collaborationsQuery } from '../actors.ts';
import { idParams } from '../common.ts';

/** The collaboration endpoints (the server's collaboration.routes.ts implements them). */
export const collaborationEndpoints = {
  getCollaborations: endpoint({
    method: 'GET',
    path: '/api/collaborations',
    access: 'public',
    summary: 'Collaborations between organisations, by organisation, space, type or source',
    tags: ['actors'],
    query: collaborationsQuery,
    response: z.array(collaboration),
  }),
  recordCollaboration: endpoint({
    method: 'POST',
    path: '/api/collaborations',
    access: 'signed_in',
    summary: "Record a collaboration between two organisations (undirected): with spaceId as that space's view (its leaders), without as the registry's (the organisations' representatives, admins)",
    tags: ['actors'],
    body: collaborationInput,
    response: collaboration,
    status: 201,
  }),
  getCollaboration: endpoint({
    method: 'GET',
    path: '/api/collaborations/:id',
    access: 'public',
    summary: 'One collaboration',
    tags: ['actors'],
    params: idParams,
    response: collaboration,
  }),
  removeCollaboration: endpoint({
    method: 'DELETE',
    path: '/api/collaborations/:id',
    access: 'signed_in',
    summary: "Remove a collaboration (a space's own: its leaders; the registry's: the organisations' representatives; admins)",
    tags: ['actors'],
    params: idParams,
    status: 204,
  }),
};
