import { suggestionEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { decideSuggestion, getPointSuggestions, getSpaceSuggestions, suggestChange } from './suggestion.service.ts';

export function suggestionRoutes(deps: Deps) {
  return [
    defineRoute(suggestionEndpoints.suggestChange, {
      handler: ({ ctx, params, body }) => suggestChange(deps, ctx, params.id, body),
    }),
    defineRoute(suggestionEndpoints.getPointSuggestions, {
      handler: ({ ctx, params }) => getPointSuggestions(deps, ctx, params.id),
    }),
    defineRoute(suggestionEndpoints.getSpaceSuggestions, {
      handler: ({ ctx, params, query }) => getSpaceSuggestions(deps, ctx, params.id, query.status),
    }),
    defineRoute(suggestionEndpoints.decideSuggestion, {
      handler: ({ ctx, params, body }) => decideSuggestion(deps, ctx, params.id, body),
    }),
  ];
}
