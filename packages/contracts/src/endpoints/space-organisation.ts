import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { organisation, spaceOrganisationInput } from '../actors.ts';
import { idParams, okAnswer } from '../common.ts';

/** The space organisation endpoints (the server's space-organisation.routes.ts implements them). */
export const spaceOrganisationEndpoints = {
  listSpaceOrganisations: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/organisations',
    access: 'public',
    summary: 'The organisations taking part in a space',
    tags: ['actors'],
    params: idParams,
    response: z.array(organisation),
  }),
  addSpaceOrganisation: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/organisations',
    access: 'signed_in',
    summary: 'Add an organisation to a space (its leaders)',
    tags: ['actors'],
    params: idParams,
    body: spaceOrganisationInput,
    response: okAnswer,
    status: 201,
  }),
  removeSpaceOrganisation: endpoint({
    method: 'DELETE',
    path: '/api/spaces/:id/organisations/:organisationId',
    access: 'signed_in',
    summary: 'Take an organisation out of a space (its leaders)',
    tags: ['actors'],
    params: z.object({ id: z.uuid(), organisationId: z.uuid() }),
    status: 204,
  }),
};
