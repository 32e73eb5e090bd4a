import { idParams, invitation, member, memberInput, memberParams, memberPatch } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { inviteMember } from '../invitation/invitation.service.ts';
import { changeMemberRole, getMembers, removeMember } from './membership.service.ts';

export function membershipRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/members',
      access: 'signed_in',
      summary: 'Members of a space (e-mail addresses only for those who lead it)',
      tags: ['spaces'],
      params: idParams,
      response: z.array(member),
      handler: ({ ctx, params }) => getMembers(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/members',
      access: 'signed_in',
      summary: 'Invite someone by e-mail with a role; they join by the link in the e-mail',
      tags: ['spaces'],
      params: idParams,
      body: memberInput,
      response: invitation,
      status: 201,
      handler: ({ ctx, params, body }) => inviteMember(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/spaces/:id/members/:userId',
      access: 'signed_in',
      summary: 'Change a member’s role',
      tags: ['spaces'],
      params: memberParams,
      body: memberPatch,
      response: member,
      handler: ({ ctx, params, body }) => changeMemberRole(deps, ctx, params.id, params.userId, body.role),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/spaces/:id/members/:userId',
      access: 'signed_in',
      summary: 'Remove a member, or leave the space',
      tags: ['spaces'],
      params: memberParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeMember(deps, ctx, params.id, params.userId);
      },
    }),
  ];
}
