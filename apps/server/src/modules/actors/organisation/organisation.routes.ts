import { organisationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createOrganisation, findDuplicates, getOrganisation, getOrganisations, patchOrganisation, removeOrganisation } from './organisation.service.ts';

export function organisationRoutes(deps: Deps) {
  return [
    defineRoute(organisationEndpoints.getOrganisations, {
      handler: ({ ctx, query }) => getOrganisations(deps, ctx, query, { limit: query.limit, offset: query.offset }),
    }),
    defineRoute(organisationEndpoints.createOrganisation, {
      handler: ({ ctx, body }) => createOrganisation(deps, ctx, body),
    }),
    defineRoute(organisationEndpoints.findDuplicates, {
      handler: ({ body }) => findDuplicates(deps, body),
    }),
    defineRoute(organisationEndpoints.getOrganisation, {
      handler: ({ ctx, params }) => getOrganisation(deps, ctx, params.id),
    }),
    defineRoute(organisationEndpoints.patchOrganisation, {
      handler: ({ ctx, params, body }) => patchOrganisation(deps, ctx, params.id, body),
    }),
    defineRoute(organisationEndpoints.removeOrganisation, {
      handler: async ({ ctx, params }) => {
        await removeOrganisation(deps, ctx, params.id);
      },
    }),
  ];
}
