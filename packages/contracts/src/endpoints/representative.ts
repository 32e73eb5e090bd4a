import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { organisationRepresentative, representativeClaim } from '../actors.ts';
import { idParams } from '../common.ts';

const representativeParams = z.object({ id: z.uuid(), userId: z.uuid() });

/** Who represents an organisation (the server's representative.routes.ts implements them; issue 14 §1.1). */
export const representativeEndpoints = {
  getRepresentatives: endpoint({
    method: 'GET',
    path: '/api/organisations/:id/representatives',
    access: 'signed_in',
    summary: 'Who represents the organisation (names are personal data: signed in only); claims only to the claimant and those who may confirm them',
    tags: ['actors'],
    params: idParams,
    response: z.array(organisationRepresentative),
  }),
  claimRepresentation: endpoint({
    method: 'POST',
    path: '/api/organisations/:id/representatives',
    access: 'signed_in',
    summary: 'Say that you represent the organisation; a leader of one of its spaces, a representative or an admin confirms',
    tags: ['actors'],
    params: idParams,
    body: representativeClaim,
    response: organisationRepresentative,
    status: 201,
  }),
  confirmRepresentative: endpoint({
    method: 'POST',
    path: '/api/organisations/:id/representatives/:userId/confirm',
    access: 'signed_in',
    summary: "Confirm a claim (admins, the organisation's representatives, or a leader of one of its spaces while it has none; never one's own)",
    tags: ['actors'],
    params: representativeParams,
    response: organisationRepresentative,
  }),
  removeRepresentative: endpoint({
    method: 'DELETE',
    path: '/api/organisations/:id/representatives/:userId',
    access: 'signed_in',
    summary: 'Step down or withdraw a claim; representatives and admins remove others, and who may confirm a claim may turn it down',
    tags: ['actors'],
    params: representativeParams,
    status: 204,
  }),
};
