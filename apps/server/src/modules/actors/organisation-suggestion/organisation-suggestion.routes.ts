import { idParams, organisationSuggestion, organisationSuggestionInput, suggestionDecision } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { decideOrganisationSuggestion, getOrganisationSuggestions, suggestOrganisationChange } from './organisation-suggestion.service.ts';

export function organisationSuggestionRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/organisations/:id/suggestions',
      access: 'signed_in',
      summary: 'Suggest a change to an organisation (leaders of its spaces); its representatives or an admin accept or reject it',
      tags: ['actors'],
      params: idParams,
      body: organisationSuggestionInput,
      response: organisationSuggestion,
      status: 201,
      handler: ({ ctx, params, body }) => suggestOrganisationChange(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/suggestions',
      access: 'public',
      summary: "An organisation's suggested changes: all to its representatives and admins, one's own to others",
      tags: ['actors'],
      params: idParams,
      response: z.array(organisationSuggestion),
      handler: ({ ctx, params }) => getOrganisationSuggestions(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisation-suggestions/:id/decision',
      access: 'signed_in',
      summary: 'Accept (the change is applied) or reject a suggested change to an organisation (its representatives, admins)',
      tags: ['actors'],
      params: idParams,
      body: suggestionDecision,
      response: organisationSuggestion,
      handler: ({ ctx, params, body }) => decideOrganisationSuggestion(deps, ctx, params.id, body),
    }),
  ];
}
