import { userEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { adminCreateUser, adminListUsers, adminPatchUser } from './user.service.ts';

export function userRoutes(deps: Deps) {
  return [
    defineRoute(userEndpoints.adminListUsers, {
      handler: ({ ctx, query }) => adminListUsers(deps, ctx, query.q),
    }),
    defineRoute(userEndpoints.adminCreateUser, {
      handler: ({ ctx, body }) => adminCreateUser(deps, ctx, body),
    }),
    defineRoute(userEndpoints.adminPatchUser, {
      handler: ({ ctx, params, body }) => adminPatchUser(deps, ctx, params.id, body),
    }),
  ];
}
