import { servicePlanCommentEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addComment, getComments, moderateComment } from './service-plan-comment.service.ts';

export function servicePlanCommentRoutes(deps: Deps) {
  return [
    defineRoute(servicePlanCommentEndpoints.getPlanComments, {
      personal: true,
      handler: ({ ctx, params }) => getComments(deps, ctx, params.id),
    }),
    defineRoute(servicePlanCommentEndpoints.addPlanComment, {
      personal: true,
      handler: ({ ctx, params, body }) => addComment(deps, ctx, params.id, body),
    }),
    defineRoute(servicePlanCommentEndpoints.moderatePlanComment, {
      handler: ({ ctx, params, body }) => moderateComment(deps, ctx, params.id, params.commentId, body),
    }),
  ];
}
