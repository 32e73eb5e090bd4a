import { spaceOrganisationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addSpaceOrganisation, listSpaceOrganisations, removeSpaceOrganisation } from './space-organisation.service.ts';

export function spaceOrganisationRoutes(deps: Deps) {
  return [
    defineRoute(spaceOrganisationEndpoints.listSpaceOrganisations, {
      handler: ({ ctx, params }) => listSpaceOrganisations(deps, ctx, params.id),
    }),
    defineRoute(spaceOrganisationEndpoints.addSpaceOrganisation, {
      handler: async ({ ctx, params, body }) => {
        await addSpaceOrganisation(deps, ctx, params.id, body.organisationId);
        return { ok: true };
      },
    }),
    defineRoute(spaceOrganisationEndpoints.removeSpaceOrganisation, {
      handler: async ({ ctx, params }) => {
        await removeSpaceOrganisation(deps, ctx, params.id, params.organisationId);
      },
    }),
  ];
}
