import { volunteerEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cancelVolunteerSignup, confirmVolunteerSignup, createVolunteerCall, getVolunteerCalls, getVolunteerSignups, patchVolunteerSignup, signUpAsVolunteer } from './volunteer.service.ts';

export function volunteerRoutes(deps: Deps) {
  return [
    defineRoute(volunteerEndpoints.getVolunteerCalls, {
      personal: true,
      handler: ({ ctx, params }) => getVolunteerCalls(deps, ctx, params.id),
    }),
    defineRoute(volunteerEndpoints.createVolunteerCall, {
      handler: ({ ctx, params, body }) => createVolunteerCall(deps, ctx, params.id, body),
    }),
    defineRoute(volunteerEndpoints.signUpAsVolunteer, {
      personal: true,
      handler: ({ ctx, params, body }) => signUpAsVolunteer(deps, ctx, params.id, body),
    }),
    defineRoute(volunteerEndpoints.confirmVolunteerSignup, {
      personal: true,
      handler: ({ ctx, body }) => confirmVolunteerSignup(deps, ctx, body.token),
    }),
    defineRoute(volunteerEndpoints.cancelVolunteerSignup, {
      personal: true,
      handler: ({ ctx, body }) => cancelVolunteerSignup(deps, ctx, body.token),
    }),
    defineRoute(volunteerEndpoints.getVolunteerSignups, {
      handler: ({ ctx, params }) => getVolunteerSignups(deps, ctx, params.id),
    }),
    defineRoute(volunteerEndpoints.patchVolunteerSignup, {
      handler: ({ ctx, params, body }) => patchVolunteerSignup(deps, ctx, params.id, body),
    }),
  ];
}
