import { idParams, suggestion, suggestionDecision, suggestionInput } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { decideSuggestion, getPointSuggestions, getSpaceSuggestions, suggestChange } from './suggestion.service.ts';

export function suggestionRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/service-points/:id/suggestions',
      access: 'signed_in',
      summary: 'Suggest a change to a service point (anyone signed in who sees the space); a leader accepts or rejects it',
      tags: ['services'],
      params: idParams,
      body: suggestionInput,
      response: suggestion,
      status: 201,
      handler: ({ ctx, params, body }) => suggestChange(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/service-points/:id/suggestions',
      access: 'public',
      summary: "A point's suggestions: all to the space's leaders, one's own to others",
      tags: ['services'],
      params: idParams,
      response: z.array(suggestion),
      handler: ({ ctx, params }) => getPointSuggestions(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/service-point-suggestions',
      access: 'signed_in',
      summary: "The space's suggested changes to service points, for its leaders (status=pending for those waiting)",
      tags: ['services'],
      params: idParams,
      query: z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional() }),
      response: z.array(suggestion),
      handler: ({ ctx, params, query }) => getSpaceSuggestions(deps, ctx, params.id, query.status),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/service-point-suggestions/:id/decision',
      access: 'signed_in',
      summary: 'Accept (the change is applied) or reject (the point stays unchanged) a suggestion; both go into the history',
      tags: ['services'],
      params: idParams,
      body: suggestionDecision,
      response: suggestion,
      handler: ({ ctx, params, body }) => decideSuggestion(deps, ctx, params.id, body),
    }),
  ];
}
