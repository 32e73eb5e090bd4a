import { invitationEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { isHttps, setSessionCookie } from '../../../http/session-cookie.ts';
import type { Deps } from '../../../platform/deps.ts';
import { acceptInvitation, getInvitations, previewInvitation, revokeInvitation } from './invitation.service.ts';

export function invitationRoutes(deps: Deps) {
  return [
    defineRoute(invitationEndpoints.getInvitations, {
      handler: ({ ctx, params }) => getInvitations(deps, ctx, params.id),
    }),
    defineRoute(invitationEndpoints.revokeInvitation, {
      handler: async ({ ctx, params }) => {
        await revokeInvitation(deps, ctx, params.id, params.invitationId);
      },
    }),
    defineRoute(invitationEndpoints.previewInvitation, {
      personal: true,
      handler: ({ body }) => previewInvitation(deps, body.token),
    }),
    defineRoute(invitationEndpoints.acceptInvitation, {
      personal: true,
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
