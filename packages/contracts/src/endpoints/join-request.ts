import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { joinDecisionBody, joinRequest, joinRequestParams, joinSpaceBody, joinSpaceResult, ownJoinRequest } from '../spaces.ts';

/** Joining a public space openly or on request (the server's join-request.routes.ts implements them). */
export const joinRequestEndpoints = {
  joinSpace: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/join',
    access: 'signed_in',
    summary: 'Join a public space that is open, or ask its leaders to let you join one that takes requests',
    tags: ['spaces'],
    params: idParams,
    body: joinSpaceBody,
    response: joinSpaceResult,
  }),
  getOwnJoinRequest: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/join',
    access: 'signed_in',
    summary: 'The caller’s own latest request to join the space',
    tags: ['spaces'],
    params: idParams,
    response: ownJoinRequest,
  }),
  withdrawJoinRequest: endpoint({
    method: 'DELETE',
    path: '/api/spaces/:id/join',
    access: 'signed_in',
    summary: 'Withdraw one’s own pending request to join',
    tags: ['spaces'],
    params: idParams,
    status: 204,
  }),
  getJoinRequests: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/join-requests',
    access: 'signed_in',
    summary: 'Pending requests to join the space (its leaders)',
    tags: ['spaces'],
    params: idParams,
    response: z.array(joinRequest),
  }),
  decideJoinRequest: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/join-requests/:requestId/decision',
    access: 'signed_in',
    summary: 'Accept or decline a request to join; the requester is told by e-mail',
    tags: ['spaces'],
    params: joinRequestParams,
    body: joinDecisionBody,
    response: joinRequest,
  }),
};
