import { organisationSuggestionEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { decideOrganisationSuggestion, getOrganisationSuggestions, suggestOrganisationChange } from './organisation-suggestion.service.ts';

export function organisationSuggestionRoutes(deps: Deps) {
  return [
    defineRoute(organisationSuggestionEndpoints.suggestOrganisationChange, {
      handler: ({ ctx, params, body }) => suggestOrganisationChange(deps, ctx, params.id, body),
    }),
    defineRoute(organisationSuggestionEndpoints.getOrganisationSuggestions, {
      handler: ({ ctx, params }) => getOrganisationSuggestions(deps, ctx, params.id),
    }),
    defineRoute(organisationSuggestionEndpoints.decideOrganisationSuggestion, {
      handler: ({ ctx, params, body }) => decideOrganisationSuggestion(deps, ctx, params.id, body),
    }),
  ];
}
