import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { group, groupInput, groupMemberInput, groupMemberParams, groupPatch } from '../groups.ts';

/** The group endpoints (the server's group.routes.ts implements them). */
export const groupEndpoints = {
  getSpaceGroups: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/groups',
    access: 'public',
    summary: "A space's working groups with their balance against the composition targets",
    tags: ['groups'],
    params: idParams,
    response: z.array(group),
  }),
  createGroup: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/groups',
    access: 'signed_in',
    summary: 'Form a working group (per municipality; default targets 4 public, 4 private, 4 civil society, 1 youth)',
    tags: ['groups'],
    params: idParams,
    body: groupInput,
    response: group,
    status: 201,
  }),
  getGroup: endpoint({
    method: 'GET',
    path: '/api/groups/:id',
    access: 'public',
    summary: 'One working group; member names only for those who lead the space',
    tags: ['groups'],
    params: idParams,
    response: group,
  }),
  patchGroup: endpoint({
    method: 'PATCH',
    path: '/api/groups/:id',
    access: 'signed_in',
    summary: 'Edit a working group and its composition targets',
    tags: ['groups'],
    params: idParams,
    body: groupPatch,
    response: group,
  }),
  addGroupMember: endpoint({
    method: 'POST',
    path: '/api/groups/:id/members',
    access: 'signed_in',
    summary: "Add a person of the space to the group, representing one of their organisations (feeds the network's derived collaborations)",
    tags: ['groups'],
    params: idParams,
    body: groupMemberInput,
    response: group,
    status: 201,
  }),
  removeGroupMember: endpoint({
    method: 'DELETE',
    path: '/api/groups/:id/members/:personId',
    access: 'signed_in',
    summary: 'Remove a member from the group',
    tags: ['groups'],
    params: groupMemberParams,
    status: 204,
  }),
};
