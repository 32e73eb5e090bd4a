import { group, groupInput, groupMemberInput, groupMemberParams, groupPatch, idParams } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addGroupMember, createGroup, getGroup, getSpaceGroups, patchGroup, removeGroupMember } from './group.service.ts';

export function groupRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/groups',
      access: 'public',
      personal: true,
      summary: "A space's working groups with their balance against the composition targets",
      tags: ['groups'],
      params: idParams,
      response: z.array(group),
      handler: ({ ctx, params }) => getSpaceGroups(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/groups',
      access: 'signed_in',
      summary: 'Form a working group (per municipality; default targets 4 public, 4 private, 4 civil society, 1 youth)',
      tags: ['groups'],
      params: idParams,
      body: groupInput,
      response: group,
      status: 201,
      handler: ({ ctx, params, body }) => createGroup(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/groups/:id',
      access: 'public',
      personal: true,
      summary: 'One working group; member names only for those who lead the space',
      tags: ['groups'],
      params: idParams,
      response: group,
      handler: ({ ctx, params }) => getGroup(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/groups/:id',
      access: 'signed_in',
      summary: 'Edit a working group and its composition targets',
      tags: ['groups'],
      params: idParams,
      body: groupPatch,
      response: group,
      handler: ({ ctx, params, body }) => patchGroup(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/groups/:id/members',
      access: 'signed_in',
      summary:
        "Add a person of the space to the group, representing one of their organisations (feeds the network's derived collaborations)",
      tags: ['groups'],
      params: idParams,
      body: groupMemberInput,
      response: group,
      status: 201,
      handler: ({ ctx, params, body }) => addGroupMember(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/groups/:id/members/:personId',
      access: 'signed_in',
      summary: 'Remove a member from the group',
      tags: ['groups'],
      params: groupMemberParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeGroupMember(deps, ctx, params.id, params.personId);
      },
    }),
  ];
}
