import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { apiToken, apiTokenInput, createdApiToken } from '../auth.ts';
import { idParams } from '../common.ts';

/** The api token endpoints (the server's api-token.routes.ts implements them). */
export const apiTokenEndpoints = {
  listMyApiTokens: endpoint({
    method: 'GET',
    path: '/api/me/tokens',
    access: 'signed_in',
    sessionOnly: true,
    summary: 'One’s personal API tokens (without their secrets)',
    tags: ['account'],
    response: z.array(apiToken),
  }),
  createApiToken: endpoint({
    method: 'POST',
    path: '/api/me/tokens',
    access: 'signed_in',
    sessionOnly: true,
    summary: 'Create a personal API token; the secret is shown once in the answer',
    tags: ['account'],
    body: apiTokenInput,
    response: createdApiToken,
    status: 201,
  }),
  revokeMyApiToken: endpoint({
    method: 'DELETE',
    path: '/api/me/tokens/:id',
    access: 'signed_in',
    sessionOnly: true,
    summary: 'Revoke a personal API token',
    tags: ['account'],
    params: idParams,
    status: 204,
  }),
};
