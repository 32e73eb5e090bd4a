import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { ownRegistration, registration, registrationInput, registrationReceipt, registrationTokenQuery } from '../dialogues.ts';

/** The registration endpoints (the server's registration.routes.ts implements them). */
export const registrationEndpoints = {
  registerForEvent: endpoint({
    method: 'POST',
    path: '/api/events/:id/registrations',
    access: 'public',
    summary: 'Register for an event, no account needed: confirmed while seats last, then waitlisted; a confirmation e-mail carries the link to cancel',
    tags: ['dialogues'],
    params: idParams,
    body: registrationInput,
    response: registrationReceipt,
    status: 201,
  }),
  getEventRegistrations: endpoint({
    method: 'GET',
    path: '/api/events/:id/registrations',
    access: 'signed_in',
    summary: "An event's registrations, waitlist and attendance (the space's leaders only)",
    tags: ['dialogues'],
    params: idParams,
    response: z.array(registration),
  }),
  getOwnRegistration: endpoint({
    method: 'GET',
    path: '/api/registrations/:id',
    access: 'public',
    summary: 'A registration through its link (?token=) with the check-in QR; 404 without the token',
    tags: ['dialogues'],
    params: idParams,
    query: registrationTokenQuery,
    response: ownRegistration,
  }),
  cancelRegistration: endpoint({
    method: 'DELETE',
    path: '/api/registrations/:id',
    access: 'public',
    summary: 'Cancel a registration with its link (?token=) or as a leader; the first on the waitlist gets the seat',
    tags: ['dialogues'],
    params: idParams,
    query: registrationTokenQuery,
    status: 204,
  }),
};
