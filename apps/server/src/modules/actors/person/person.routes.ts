import { personEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createPerson, erasePerson, getPeople, getPerson, patchPerson } from './person.service.ts';

export function personRoutes(deps: Deps) {
  return [
    defineRoute(personEndpoints.getPeople, {
      handler: ({ ctx, query }) => getPeople(deps, ctx, query),
    }),
    defineRoute(personEndpoints.createPerson, {
      handler: ({ ctx, body }) => createPerson(deps, ctx, body),
    }),
    defineRoute(personEndpoints.getPerson, {
      handler: ({ ctx, params }) => getPerson(deps, ctx, params.id),
    }),
    defineRoute(personEndpoints.patchPerson, {
      handler: ({ ctx, params, body }) => patchPerson(deps, ctx, params.id, body),
    }),
    defineRoute(personEndpoints.erasePerson, {
      handler: async ({ ctx, params }) => {
        await erasePerson(deps, ctx, params.id);
      },
    }),
  ];
}
