import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { planComment, planCommentInput, planCommentModeration, planCommentParams, planParams } from '../service-plans.ts';

const tags = ['service plans'];

/** The service plan comment endpoints (the server's service-plan-comment.routes.ts implements them). */
export const servicePlanCommentEndpoints = {
  getPlanComments: endpoint({
    method: 'GET',
    path: '/api/service-plans/:id/comments',
    access: 'public',
    summary: 'Consultation comments: published ones for everyone, all of them for the plan’s leaders',
    tags,
    params: planParams,
    response: z.array(planComment),
  }),
  addPlanComment: endpoint({
    method: 'POST',
    path: '/api/service-plans/:id/comments',
    access: 'public',
    summary: 'Comment on a plan out for consultation (no account needed); shown once a leader publishes it',
    tags,
    params: planParams,
    body: planCommentInput,
    response: planComment,
    status: 201,
  }),
  moderatePlanComment: endpoint({
    method: 'PATCH',
    path: '/api/service-plans/:id/comments/:commentId',
    access: 'signed_in',
    summary: 'Publish or reject a consultation comment, with the municipality’s answer',
    tags,
    params: planCommentParams,
    body: planCommentModeration,
    response: planComment,
  }),
};
