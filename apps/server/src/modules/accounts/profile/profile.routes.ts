import { profileEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getOwnProfile, getProfile, saveOwnProfile } from './profile.service.ts';

export function profileRoutes(deps: Deps) {
  return [
    defineRoute(profileEndpoints.getOwnProfile, {
      handler: ({ ctx }) => getOwnProfile(deps, ctx),
    }),
    defineRoute(profileEndpoints.saveOwnProfile, {
      handler: ({ ctx, body }) => saveOwnProfile(deps, ctx, body),
    }),
    defineRoute(profileEndpoints.getProfile, {
      personal: true,
      handler: ({ ctx, params }) => getProfile(deps, ctx, params.id),
    }),
  ];
}
