import { idParams, organisation, spaceOrganisationInput } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addSpaceOrganisation, listSpaceOrganisations, removeSpaceOrganisation } from './space-organisation.service.ts';

export function spaceOrganisationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/organisations',
      access: 'public',
      summary: 'The organisations taking part in a space',
      tags: ['actors'],
      params: idParams,
      response: z.array(organisation),
      handler: ({ ctx, params }) => listSpaceOrganisations(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/organisations',
      access: 'signed_in',
      summary: 'Add an organisation to a space (its leaders)',
      tags: ['actors'],
      params: idParams,
      body: spaceOrganisationInput,
      status: 201,
      handler: async ({ ctx, params, body }) => {
        await addSpaceOrganisation(deps, ctx, params.id, body.organisationId);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/spaces/:id/organisations/:organisationId',
      access: 'signed_in',
      summary: 'Take an organisation out of a space (its leaders)',
      tags: ['actors'],
      params: z.object({ id: z.uuid(), organisationId: z.uuid() }),
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeSpaceOrganisation(deps, ctx, params.id, params.organisationId);
      },
    }),
  ];
}
