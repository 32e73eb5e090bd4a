import { idParams, user, userAdminPatch, userCreateInput, usersQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { adminCreateUser, adminListUsers, adminPatchUser } from './user.service.ts';

export function userRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/users',
      access: 'admin',
      summary: 'All user accounts (platform admins)',
      tags: ['admin'],
      query: usersQuery,
      response: z.array(user),
      handler: ({ ctx, query }) => adminListUsers(deps, ctx, query.q),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users',
      access: 'admin',
      summary: 'Create a user account (platform admins)',
      tags: ['admin'],
      body: userCreateInput,
      response: user,
      status: 201,
      handler: ({ ctx, body }) => adminCreateUser(deps, ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/users/:id',
      access: 'admin',
      summary: 'Rename, grant or withdraw admin, disable or enable an account (platform admins)',
      tags: ['admin'],
      params: idParams,
      body: userAdminPatch,
      response: user,
      handler: ({ ctx, params, body }) => adminPatchUser(deps, ctx, params.id, body),
    }),
  ];
}
