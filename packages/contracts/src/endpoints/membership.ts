import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { invitation, member, memberInput, memberParams, memberPatch } from '../spaces.ts';

/** The membership endpoints (the server's membership.routes.ts implements them). */
export const membershipEndpoints = {
  getMembers: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/members',
    access: 'signed_in',
    summary: 'Members of a space (e-mail addresses only for those who lead it)',
    tags: ['spaces'],
    params: idParams,
    response: z.array(member),
  }),
  inviteMember: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/members',
    access: 'signed_in',
    summary: 'Invite someone by e-mail with a role; they join by the link in the e-mail',
    tags: ['spaces'],
    params: idParams,
    body: memberInput,
    response: invitation,
    status: 201,
  }),
  changeMemberRole: endpoint({
    method: 'PATCH',
    path: '/api/spaces/:id/members/:userId',
    access: 'signed_in',
    summary: 'Change a member’s role',
    tags: ['spaces'],
    params: memberParams,
    body: memberPatch,
    response: member,
  }),
  removeMember: endpoint({
    method: 'DELETE',
    path: '/api/spaces/:id/members/:userId',
    access: 'signed_in',
    summary: 'Remove a member, or leave the space',
    tags: ['spaces'],
    params: memberParams,
    status: 204,
  }),
};
