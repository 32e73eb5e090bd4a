import { idParams, peopleQuery, person, personInput, personPatch } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createPerson, erasePerson, getPeople, getPerson, patchPerson } from './person.service.ts';

export function personRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/people',
      access: 'signed_in',
      summary: 'People in the spaces the caller leads (personal data: never public)',
      tags: ['actors'],
      query: peopleQuery,
      response: z.array(person),
      handler: ({ ctx, query }) => getPeople(deps, ctx, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people',
      access: 'signed_in',
      summary: 'Record a person in a space, with their consent',
      tags: ['actors'],
      body: personInput,
      response: person,
      status: 201,
      handler: ({ ctx, body }) => createPerson(deps, ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/people/:id',
      access: 'signed_in',
      summary: 'One person (404 unless the caller leads a space they belong to)',
      tags: ['actors'],
      params: idParams,
      response: person,
      handler: ({ ctx, params }) => getPerson(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/people/:id',
      access: 'signed_in',
      summary: 'Edit a person',
      tags: ['actors'],
      params: idParams,
      body: personPatch,
      response: person,
      handler: ({ ctx, params, body }) => patchPerson(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/people/:id',
      access: 'signed_in',
      summary: 'Erase a person and their affiliations and consents',
      tags: ['actors'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await erasePerson(deps, ctx, params.id);
      },
    }),
  ];
}
