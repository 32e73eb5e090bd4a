import { duplicateCandidate, idParams, organisation, organisationInput, organisationPage, organisationPatch, organisationsQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createOrganisation, findDuplicates, getOrganisation, getOrganisations, patchOrganisation, removeOrganisation } from './organisation.service.ts';

export function organisationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/organisations',
      access: 'public',
      summary: 'The shared registry of organisations, filtered by name/number, sector, level, type, municipality or space; paged',
      tags: ['actors'],
      query: organisationsQuery,
      response: organisationPage,
      handler: ({ ctx, query }) => getOrganisations(deps, ctx, query, { limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations',
      access: 'signed_in',
      summary: 'Add an organisation; a near-duplicate answers 409 with the existing ones unless confirmDuplicate is set',
      tags: ['actors'],
      body: organisationInput,
      response: organisation,
      status: 201,
      handler: ({ ctx, body }) => createOrganisation(deps, ctx, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations/duplicates',
      access: 'signed_in',
      summary: 'Which existing organisations a new one would duplicate (same number, or a similar name in the same municipality)',
      tags: ['actors'],
      body: z.strictObject({ name: z.string().trim().min(1).max(200), orgNumber: z.string().max(20).nullable().optional(), municipalityCode: z.string().max(4).nullable().optional() }),
      response: z.array(duplicateCandidate),
      handler: ({ body }) => findDuplicates(deps, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id',
      access: 'public',
      summary: 'One organisation',
      tags: ['actors'],
      params: idParams,
      response: organisation,
      handler: ({ ctx, params }) => getOrganisation(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/organisations/:id',
      access: 'signed_in',
      summary: "Edit an organisation (its confirmed representatives, platform admins, and its creator while only the creator's spaces use it); space leaders suggest instead",
      tags: ['actors'],
      params: idParams,
      body: organisationPatch,
      response: organisation,
      handler: ({ ctx, params, body }) => patchOrganisation(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/organisations/:id',
      access: 'signed_in',
      summary: 'Remove an organisation (admins; its creator while it is unused)',
      tags: ['actors'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeOrganisation(deps, ctx, params.id);
      },
    }),
  ];
}
