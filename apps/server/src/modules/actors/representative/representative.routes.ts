import { idParams, organisationRepresentative, representativeClaim } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { claimRepresentation, confirmRepresentative, getRepresentatives, removeRepresentative } from './representative.service.ts';

const representativeParams = z.object({ id: z.uuid(), userId: z.uuid() });

export function representativeRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/representatives',
      access: 'signed_in',
      summary: "Who represents the organisation (names are personal data: signed in only); claims only to the claimant and those who may confirm them",
      tags: ['actors'],
      params: idParams,
      response: z.array(organisationRepresentative),
      handler: ({ ctx, params }) => getRepresentatives(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations/:id/representatives',
      access: 'signed_in',
      summary: 'Say that you represent the organisation; a leader of one of its spaces, a representative or an admin confirms',
      tags: ['actors'],
      params: idParams,
      body: representativeClaim,
      response: organisationRepresentative,
      status: 201,
      handler: ({ ctx, params, body }) => claimRepresentation(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations/:id/representatives/:userId/confirm',
      access: 'signed_in',
      summary: "Confirm a claim (admins, the organisation's representatives, or a leader of one of its spaces while it has none; never one's own)",
      tags: ['actors'],
      params: representativeParams,
      response: organisationRepresentative,
      handler: ({ ctx, params }) => confirmRepresentative(deps, ctx, params.id, params.userId),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/organisations/:id/representatives/:userId',
      access: 'signed_in',
      summary: 'Step down or withdraw a claim; representatives and admins remove others, and who may confirm a claim may turn it down',
      tags: ['actors'],
      params: representativeParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeRepresentative(deps, ctx, params.id, params.userId);
      },
    }),
  ];
}
