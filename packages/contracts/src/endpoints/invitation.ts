import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { tokenBody } from '../auth.ts';
import { idParams } from '../common.ts';
import { acceptInvitationBody, invitation, invitationPreview } from '../spaces.ts';

/** The invitation endpoints (the server's invitation.routes.ts implements them). */
export const invitationEndpoints = {
  getInvitations: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/invitations',
    access: 'signed_in',
    summary: 'Invitations of a space and their status',
    tags: ['spaces'],
    params: idParams,
    response: z.array(invitation),
  }),
  revokeInvitation: endpoint({
    method: 'DELETE',
    path: '/api/spaces/:id/invitations/:invitationId',
    access: 'signed_in',
    summary: 'Withdraw an invitation that has not been accepted',
    tags: ['spaces'],
    params: z.object({ id: z.uuid(), invitationId: z.uuid() }),
    status: 204,
  }),
  previewInvitation: endpoint({
    method: 'POST',
    path: '/api/invitations/preview',
    access: 'public',
    summary: 'What an invitation link is for (the token travels in the body, never in a URL)',
    tags: ['spaces'],
    body: tokenBody,
    response: invitationPreview,
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/invitations/accept',
    access: 'public',
    summary: 'Accept an invitation (signs in, or creates the account, when not signed in)',
    tags: ['spaces'],
    body: acceptInvitationBody,
    response: z.object({ spaceId: z.string() }),
  }),
};
