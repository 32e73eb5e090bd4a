import { acceptInvitationBody, idParams, invitation, invitationPreview, tokenBody } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { isHttps, setSessionCookie } from '../../../http/session-cookie.ts';
import type { Deps } from '../../../platform/deps.ts';
import { acceptInvitation, getInvitations, previewInvitation, revokeInvitation } from './invitation.service.ts';

export function invitationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/invitations',
      access: 'signed_in',
      summary: 'Invitations of a space and their status',
      tags: ['spaces'],
      params: idParams,
      response: z.array(invitation),
      handler: ({ ctx, params }) => getInvitations(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/spaces/:id/invitations/:invitationId',
      access: 'signed_in',
      summary: 'Withdraw an invitation that has not been accepted',
      tags: ['spaces'],
      params: z.object({ id: z.uuid(), invitationId: z.uuid() }),
      status: 204,
      handler: async ({ ctx, params }) => {
        await revokeInvitation(deps, ctx, params.id, params.invitationId);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/invitations/preview',
      access: 'public',
      personal: true,
      summary: 'What an invitation link is for (the token travels in the body, never in a URL)',
      tags: ['spaces'],
      body: tokenBody,
      response: invitationPreview,
      handler: ({ body }) => previewInvitation(deps, body.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/invitations/accept',
      access: 'public',
      personal: true,
      summary: 'Accept an invitation (signs in, or creates the account, when not signed in)',
      tags: ['spaces'],
      body: acceptInvitationBody,
      response: z.object({ spaceId: z.string() }),
      handler: async ({ ctx, body, request, reply }) => {
        const result = await acceptInvitation(deps, ctx, body);
        if (result.session) {
          setSessionCookie(reply, result.session.token, result.session.expiresAt, deps.clock.now(), isHttps(request, deps.config.publicUrl));
        }
        return { spaceId: result.spaceId };
      },
    }),
  ];
}
