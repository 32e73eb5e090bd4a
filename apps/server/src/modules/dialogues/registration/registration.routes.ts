import { registrationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cancelRegistration, getEventRegistrations, getOwnRegistration, register } from './registration.service.ts';

export function registrationRoutes(deps: Deps) {
  return [
    defineRoute(registrationEndpoints.registerForEvent, {
      personal: true,
      handler: ({ ctx, params, body }) => register(deps, ctx, params.id, body),
    }),
    defineRoute(registrationEndpoints.getEventRegistrations, {
      handler: ({ ctx, params }) => getEventRegistrations(deps, ctx, params.id),
    }),
    defineRoute(registrationEndpoints.getOwnRegistration, {
      personal: true,
      handler: ({ ctx, params, query }) => getOwnRegistration(deps, ctx, params.id, query.token),
    }),
    defineRoute(registrationEndpoints.cancelRegistration, {
      handler: async ({ ctx, params, query }) => {
        await cancelRegistration(deps, ctx, params.id, query.token);
      },
    }),
  ];
}
