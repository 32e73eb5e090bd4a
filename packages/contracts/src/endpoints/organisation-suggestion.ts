import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { organisationSuggestion, organisationSuggestionInput } from '../actors.ts';
import { idParams } from '../common.ts';
import { suggestionDecision } from '../service-points.ts';

/** Suggested changes to an organisation (the server's organisation-suggestion.routes.ts implements them; issue 14 §1.1). */
export const organisationSuggestionEndpoints = {
  suggestOrganisationChange: endpoint({
    method: 'POST',
    path: '/api/organisations/:id/suggestions',
    access: 'signed_in',
    summary: 'Suggest a change to an organisation (leaders of its spaces); its representatives or an admin accept or reject it',
    tags: ['actors'],
    params: idParams,
    body: organisationSuggestionInput,
    response: organisationSuggestion,
    status: 201,
  }),
  getOrganisationSuggestions: endpoint({
    method: 'GET',
    path: '/api/organisations/:id/suggestions',
    access: 'public',
    summary: "An organisation's suggested changes: all to its representatives and admins, one's own to others",
    tags: ['actors'],
    params: idParams,
    response: z.array(organisationSuggestion),
  }),
  decideOrganisationSuggestion: endpoint({
    method: 'POST',
    path: '/api/organisation-suggestions/:id/decision',
    access: 'signed_in',
    summary: 'Accept (the change is applied) or reject a suggested change to an organisation (its representatives, admins)',
    tags: ['actors'],
    params: idParams,
    body: suggestionDecision,
    response: organisationSuggestion,
  }),
};
