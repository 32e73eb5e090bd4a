import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { peopleQuery, person, personInput, personPatch } from '../actors.ts';
import { idParams } from '../common.ts';

/** The person endpoints (the server's person.routes.ts implements them). */
export const personEndpoints = {
  getPeople: endpoint({
    method: 'GET',
    path: '/api/people',
    access: 'signed_in',
    summary: 'People in the spaces the caller leads (personal data: never public)',
    tags: ['actors'],
    query: peopleQuery,
    response: z.array(person),
  }),
  createPerson: endpoint({
    method: 'POST',
    path: '/api/people',
    access: 'signed_in',
    summary: 'Record a person in a space, with their consent',
    tags: ['actors'],
    body: personInput,
    response: person,
    status: 201,
  }),
  getPerson: endpoint({
    method: 'GET',
    path: '/api/people/:id',
    access: 'signed_in',
    summary: 'One person (404 unless the caller leads a space they belong to)',
    tags: ['actors'],
    params: idParams,
    response: person,
  }),
  patchPerson: endpoint({
    method: 'PATCH',
    path: '/api/people/:id',
    access: 'signed_in',
    summary: 'Edit a person',
    tags: ['actors'],
    params: idParams,
    body: personPatch,
    response: person,
  }),
  erasePerson: endpoint({
    method: 'DELETE',
    path: '/api/people/:id',
    access: 'signed_in',
    summary: 'Erase a person and their affiliations and consents',
    tags: ['actors'],
    params: idParams,
    status: 204,
  }),
};
