import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { user, userAdminPatch, userCreateInput, usersQuery } from '../users.ts';

/** The user endpoints (the server's user.routes.ts implements them). */
export const userEndpoints = {
  adminListUsers: endpoint({
    method: 'GET',
    path: '/api/admin/users',
    access: 'admin',
    summary: 'All user accounts (platform admins)',
    tags: ['admin'],
    query: usersQuery,
    response: z.array(user),
  }),
  adminCreateUser: endpoint({
    method: 'POST',
    path: '/api/admin/users',
    access: 'admin',
    summary: 'Create a user account (platform admins)',
    tags: ['admin'],
    body: userCreateInput,
    response: user,
    status: 201,
  }),
  adminPatchUser: endpoint({
    method: 'PATCH',
    path: '/api/admin/users/:id',
    access: 'admin',
    summary: 'Rename, grant or withdraw admin, disable or enable an account (platform admins)',
    tags: ['admin'],
    params: idParams,
    body: userAdminPatch,
    response: user,
  }),
};
