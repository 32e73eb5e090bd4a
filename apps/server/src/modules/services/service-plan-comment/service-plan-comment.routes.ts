import { planComment, planCommentInput, planCommentModeration, planCommentParams, planParams } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addComment, getComments, moderateComment } from './service-plan-comment.service.ts';

export function servicePlanCommentRoutes(deps: Deps) {
  const tags = ['service plans'];
  return [
    defineRoute({
      method: 'GET',
      url: '/api/service-plans/:id/comments',
      access: 'public',
      personal: true,
      summary: 'Consultation comments: published ones for everyone, all of them for the plan’s leaders',
      tags,
      params: planParams,
      response: z.array(planComment),
      handler: ({ ctx, params }) => getComments(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/service-plans/:id/comments',
      access: 'public',
      personal: true,
      summary: 'Comment on a plan out for consultation (no account needed); shown once a leader publishes it',
      tags,
      params: planParams,
      body: planCommentInput,
      response: planComment,
      status: 201,
      handler: ({ ctx, params, body }) => addComment(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/service-plans/:id/comments/:commentId',
      access: 'signed_in',
      summary: 'Publish or reject a consultation comment, with the municipality’s answer',
      tags,
      params: planCommentParams,
      body: planCommentModeration,
      response: planComment,
      handler: ({ ctx, params, body }) => moderateComment(deps, ctx, params.id, params.commentId, body),
    }),
  ];
}
