import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { duplicateCandidate, organisation, organisationInput, organisationPage, organisationPatch, organisationsQuery } from '../actors.ts';
import { idParams } from '../common.ts';

/** The organisation endpoints (the server's organisation.routes.ts implements them). */
export const organisationEndpoints = {
  getOrganisations: endpoint({
    method: 'GET',
    path: '/api/organisations',
    access: 'public',
    summary: 'The shared registry of organisations, filtered by name/number, sector, level, type, municipality or space; paged',
    tags: ['actors'],
    query: organisationsQuery,
    response: organisationPage,
  }),
  createOrganisation: endpoint({
    method: 'POST',
    path: '/api/organisations',
    access: 'signed_in',
    summary: 'Add an organisation; a near-duplicate answers 409 with the existing ones unless confirmDuplicate is set',
    tags: ['actors'],
    body: organisationInput,
    response: organisation,
    status: 201,
  }),
  findDuplicates: endpoint({
    method: 'POST',
    path: '/api/organisations/duplicates',
    access: 'signed_in',
    summary: 'Which existing organisations a new one would duplicate (same number, or a similar name in the same municipality)',
    tags: ['actors'],
    body: z.strictObject({ name: z.string().trim().min(1).max(200), orgNumber: z.string().max(20).nullable().optional(), municipalityCode: z.string().max(4).nullable().optional() }),
    response: z.array(duplicateCandidate),
  }),
  getOrganisation: endpoint({
    method: 'GET',
    path: '/api/organisations/:id',
    access: 'public',
    summary: 'One organisation',
    tags: ['actors'],
    params: idParams,
    response: organisation,
  }),
  patchOrganisation: endpoint({
    method: 'PATCH',
    path: '/api/organisations/:id',
    access: 'signed_in',
    summary: "Edit an organisation (its confirmed representatives, platform admins, and its creator while only the creator's spaces use it); space leaders suggest instead",
    tags: ['actors'],
    params: idParams,
    body: organisationPatch,
    response: organisation,
  }),
  removeOrganisation: endpoint({
    method: 'DELETE',
    path: '/api/organisations/:id',
    access: 'signed_in',
    summary: 'Remove an organisation (admins; its creator while it is unused)',
    tags: ['actors'],
    params: idParams,
    status: 204,
  }),
};
