import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { space, spaceInput, spacePatch, spacesQuery } from '../spaces.ts';

/** The space endpoints (the server's space.routes.ts implements them). */
export const spaceEndpoints = {
  listSpaces: endpoint({
    method: 'GET',
    path: '/api/spaces',
    access: 'public',
    summary: 'Spaces the caller may see: public ones, their own, all for admins',
    tags: ['spaces'],
    query: spacesQuery,
    response: z.array(space),
  }),
  createSpace: endpoint({
    method: 'POST',
    path: '/api/spaces',
    access: 'signed_in',
    summary: 'Create a space; the creator becomes its administrator',
    tags: ['spaces'],
    body: spaceInput,
    response: space,
    status: 201,
  }),
  getSpace: endpoint({
    method: 'GET',
    path: '/api/spaces/:id',
    access: 'public',
    summary: 'One space (404 when the caller may not see it)',
    tags: ['spaces'],
    params: idParams,
    response: space,
  }),
  patchSpace: endpoint({
    method: 'PATCH',
    path: '/api/spaces/:id',
    access: 'signed_in',
    summary: 'Edit, archive (archived: true) or restore a space',
    tags: ['spaces'],
    params: idParams,
    body: spacePatch,
    response: space,
  }),
};
