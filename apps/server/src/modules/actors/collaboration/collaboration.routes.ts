import { collaborationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getCollaboration, getCollaborations, recordCollaboration, removeCollaboration } from './collaboration.service.ts';

export function collaborationRoutes(deps: Deps) {
  return [
    defineRoute(collaborationEndpoints.getCollaborations, {
      handler: ({ ctx, query }) => getCollaborations(deps, ctx, query),
    }),
    defineRoute(collaborationEndpoints.recordCollaboration, {
      handler: ({ ctx, body }) => recordCollaboration(deps, ctx, body),
    }),
    defineRoute(collaborationEndpoints.getCollaboration, {
      handler: ({ ctx, params }) => getCollaboration(deps, ctx, params.id),
    }),
    defineRoute(collaborationEndpoints.removeCollaboration, {
      handler: async ({ ctx, params }) => {
        await removeCollaboration(deps, ctx, params.id);
      },
    }),
  ];
}
