import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { alliance, allianceInput, allianceMemberInput, allianceMemberParams, alliancePatch, allianceSummary, directoryQuery } from '../alliances.ts';

/** The alliance endpoints (the server's alliance.routes.ts and alliance-member.routes.ts implement them). */
export const allianceEndpoints = {
  getAlliancesDirectory: endpoint({
    method: 'GET',
    path: '/api/alliances',
    access: 'public',
    summary: 'Public directory of alliances, filterable by goal, municipality, county and member sector',
    tags: ['alliances'],
    query: directoryQuery,
    response: z.array(allianceSummary),
  }),
  getSpaceAlliances: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/alliances',
    access: 'public',
    summary: "A space's alliances (thematic networks)",
    tags: ['alliances'],
    params: idParams,
    response: z.array(allianceSummary),
  }),
  createAlliance: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/alliances',
    access: 'signed_in',
    summary: 'Form an alliance in the space: name, purpose, theme goals and targets (the space leaders)',
    tags: ['alliances'],
    params: idParams,
    body: allianceInput,
    response: alliance,
    status: 201,
  }),
  getAlliance: endpoint({
    method: 'GET',
    path: '/api/alliances/:id',
    access: 'public',
    summary: 'One alliance with its members; a public alliance is seen by everyone',
    tags: ['alliances'],
    params: idParams,
    response: alliance,
  }),
  patchAlliance: endpoint({
    method: 'PATCH',
    path: '/api/alliances/:id',
    access: 'signed_in',
    summary: 'Edit an alliance (the space leaders)',
    tags: ['alliances'],
    params: idParams,
    body: alliancePatch,
    response: alliance,
  }),
  addAllianceMember: endpoint({
    method: 'POST',
    path: '/api/alliances/:id/members',
    access: 'signed_in',
    summary:
      "A leader invites an organisation or accepts its request; an organisation's representative asks to join or accepts the invitation",
    tags: ['alliances'],
    params: idParams,
    body: allianceMemberInput,
    response: alliance,
  }),
  removeAllianceMember: endpoint({
    method: 'DELETE',
    path: '/api/alliances/:id/members/:organisationId',
    access: 'signed_in',
    summary: 'An organisation leaves (its representative) or is removed (a leader); a request or invitation is withdrawn',
    tags: ['alliances'],
    params: allianceMemberParams,
    status: 204,
  }),
};
