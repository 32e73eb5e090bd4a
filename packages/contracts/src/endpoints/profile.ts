import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { ownProfile, profileInput, publicProfile } from '../users.ts';

/** Profiles (the server's profile.routes.ts implements them). */
export const profileEndpoints = {
  getOwnProfile: endpoint({
    method: 'GET',
    path: '/api/me/profile',
    access: 'signed_in',
    summary: 'One’s own profile and whom it is shown to',
    tags: ['account'],
    response: ownProfile,
  }),
  saveOwnProfile: endpoint({
    method: 'PUT',
    path: '/api/me/profile',
    access: 'signed_in',
    summary: 'Save one’s profile: organisation(s), sector, municipality, a short presentation, and whom it is shown to',
    tags: ['account'],
    body: profileInput,
    response: ownProfile,
  }),
  getProfile: endpoint({
    method: 'GET',
    path: '/api/users/:id/profile',
    access: 'public',
    summary: 'A person’s profile, as far as they show it to the caller (404 otherwise)',
    tags: ['account'],
    params: idParams,
    response: publicProfile,
  }),
};
