import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { follow, followAnswer, followInput, followConfirmBody, unsubscribeBody, unsubscribeQuery, unsubscribeResult } from '../notifications.ts';

/** Follows and unsubscribing (the server's follow.routes.ts and unsubscribe.routes.ts). */
export const followEndpoints = {
  createFollow: endpoint({
    method: 'POST',
    path: '/api/follows',
    access: 'public',
    summary: "Follow a space or an input (signed in), or a space's news by e-mail without an account (confirmed by a link)",
    tags: ['notifications'],
    body: followInput,
    response: followAnswer,
    status: 201,
  }),
  confirmFollow: endpoint({
    method: 'POST',
    path: '/api/follows/confirm',
    access: 'public',
    summary: 'Confirm an e-mail follow with the token from the confirmation mail (double opt-in)',
    tags: ['notifications'],
    body: followConfirmBody,
    response: follow,
  }),
  getMyFollows: endpoint({
    method: 'GET',
    path: '/api/me/follows',
    access: 'signed_in',
    summary: 'What the signed-in user follows',
    tags: ['notifications'],
    response: z.array(follow),
  }),
  deleteFollow: endpoint({
    method: 'DELETE',
    path: '/api/follows/:id',
    access: 'signed_in',
    summary: 'Stop following',
    tags: ['notifications'],
    params: idParams,
    status: 204,
  }),
  unsubscribe: endpoint({
    method: 'POST',
    path: '/api/unsubscribe',
    access: 'public',
    summary: "One-click unsubscribe with the token of a mail's link (RFC 8058); no sign-in needed",
    tags: ['notifications'],
    query: unsubscribeQuery,
    body: unsubscribeBody,
    accepts: ['application/x-www-form-urlencoded'],
    response: unsubscribeResult,
  }),
};
