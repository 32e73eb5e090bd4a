import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { suggestion, suggestionDecision, suggestionInput } from '../service-points.ts';

/** The suggestion endpoints (the server's suggestion.routes.ts implements them). */
export const suggestionEndpoints = {
  suggestChange: endpoint({
    method: 'POST',
    path: '/api/service-points/:id/suggestions',
    access: 'signed_in',
    summary: 'Suggest a change to a service point (anyone signed in who sees the space); a leader accepts or rejects it',
    tags: ['services'],
    params: idParams,
    body: suggestionInput,
    response: suggestion,
    status: 201,
  }),
  getPointSuggestions: endpoint({
    method: 'GET',
    path: '/api/service-points/:id/suggestions',
    access: 'public',
    summary: "A point's suggestions: all to the space's leaders, one's own to others",
    tags: ['services'],
    params: idParams,
    response: z.array(suggestion),
  }),
  getSpaceSuggestions: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/service-point-suggestions',
    access: 'signed_in',
    summary: "The space's suggested changes to service points, for its leaders (status=pending for those waiting)",
    tags: ['services'],
    params: idParams,
    query: z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional() }),
    response: z.array(suggestion),
  }),
  decideSuggestion: endpoint({
    method: 'POST',
    path: '/api/service-point-suggestions/:id/decision',
    access: 'signed_in',
    summary: 'Accept (the change is applied) or reject (the point stays unchanged) a suggestion; both go into the history',
    tags: ['services'],
    params: idParams,
    body: suggestionDecision,
    response: suggestion,
  }),
};
