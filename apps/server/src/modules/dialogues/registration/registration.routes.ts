import {
  idParams,
  ownRegistration,
  registration,
  registrationInput,
  registrationReceipt,
  registrationTokenQuery,
} from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cancelRegistration, getEventRegistrations, getOwnRegistration, register } from './registration.service.ts';

export function registrationRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/events/:id/registrations',
      access: 'public',
      summary:
        'Register for an event, no account needed: confirmed while seats last, then waitlisted; a confirmation e-mail carries the link to cancel',
      tags: ['dialogues'],
      params: idParams,
      body: registrationInput,
      response: registrationReceipt,
      personal: true,
      status: 201,
      handler: ({ ctx, params, body }) => register(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/registrations',
      access: 'signed_in',
      summary: "An event's registrations, waitlist and attendance (the space's leaders only)",
      tags: ['dialogues'],
      params: idParams,
      response: z.array(registration),
      handler: ({ ctx, params }) => getEventRegistrations(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/registrations/:id',
      access: 'public',
      personal: true,
      summary: 'A registration through its link (?token=) with the check-in QR; 404 without the token',
      tags: ['dialogues'],
      params: idParams,
      query: registrationTokenQuery,
      response: ownRegistration,
      handler: ({ ctx, params, query }) => getOwnRegistration(deps, ctx, params.id, query.token),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/registrations/:id',
      access: 'public',
      summary: 'Cancel a registration with its link (?token=) or as a leader; the first on the waitlist gets the seat',
      tags: ['dialogues'],
      params: idParams,
      query: registrationTokenQuery,
      status: 204,
      handler: async ({ ctx, params, query }) => {
        await cancelRegistration(deps, ctx, params.id, query.token);
      },
    }),
  ];
}
