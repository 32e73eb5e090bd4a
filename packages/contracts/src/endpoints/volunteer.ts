import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { volunteerCall, volunteerCallInput, volunteerSignup, volunteerSignupAnswer, volunteerSignupInput, volunteerSignupPatch, volunteerTokenInput } from '../alliances.ts';

/** Calls for volunteers on a joint initiative (the server's volunteer-call and volunteer-signup routes implement them). */
export const volunteerEndpoints = {
  getVolunteerCalls: endpoint({
    method: 'GET',
    path: '/api/initiatives/:id/volunteer-calls',
    access: 'public',
    summary: "An initiative's calls for volunteers with how many signed up and the hours given",
    tags: ['alliances'],
    params: idParams,
    response: z.array(volunteerCall),
  }),
  createVolunteerCall: endpoint({
    method: 'POST',
    path: '/api/initiatives/:id/volunteer-calls',
    access: 'signed_in',
    summary: 'Call for volunteers: what, when, where, how many (the initiative lead or a space leader)',
    tags: ['alliances'],
    params: idParams,
    body: volunteerCallInput,
    response: volunteerCall,
    status: 201,
  }),
  signUpAsVolunteer: endpoint({
    method: 'POST',
    path: '/api/volunteer-calls/:id/signups',
    access: 'public',
    summary: 'Sign up without an account; an e-mail carries the link to confirm and the link to cancel',
    tags: ['alliances'],
    params: idParams,
    body: volunteerSignupInput,
    response: volunteerSignupAnswer,
    status: 201,
  }),
  confirmVolunteerSignup: endpoint({
    method: 'POST',
    path: '/api/volunteer-signups/confirm',
    access: 'public',
    summary: "Confirm a sign-up with the e-mailed link's token",
    tags: ['alliances'],
    body: volunteerTokenInput,
    response: volunteerSignupAnswer,
  }),
  cancelVolunteerSignup: endpoint({
    method: 'POST',
    path: '/api/volunteer-signups/cancel',
    access: 'public',
    summary: "Cancel a sign-up with the e-mailed link's token",
    tags: ['alliances'],
    body: volunteerTokenInput,
    response: volunteerSignupAnswer,
  }),
  getVolunteerSignups: endpoint({
    method: 'GET',
    path: '/api/volunteer-calls/:id/signups',
    access: 'signed_in',
    summary: 'Who signed up (the organisers only: personal data)',
    tags: ['alliances'],
    params: idParams,
    response: z.array(volunteerSignup),
  }),
  patchVolunteerSignup: endpoint({
    method: 'PATCH',
    path: '/api/volunteer-signups/:id',
    access: 'signed_in',
    summary: 'Record the hours a volunteer gave (the organisers)',
    tags: ['alliances'],
    params: idParams,
    body: volunteerSignupPatch,
    response: volunteerSignup,
  }),
};
