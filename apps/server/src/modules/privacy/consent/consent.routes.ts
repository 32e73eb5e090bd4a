import { consentLinkInfo, consentTokenBody, consentWithdrawParams } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { describeConsentLink, withdrawByLink, withdrawOnBehalf } from './consent.service.ts';

export function consentRoutes(deps: Deps) {
  return [
    // The token travels in the body (from the page's #fragment), never in a URL that is logged.
    defineRoute({
      method: 'POST',
      url: '/api/consents/link',
      access: 'public',
      summary: 'What the consent behind a withdrawal link covers (from an e-mail about the person)',
      tags: ['privacy'],
      body: consentTokenBody,
      response: consentLinkInfo,
      handler: ({ body }) => describeConsentLink(deps, body.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/consents/link/withdraw',
      access: 'public',
      summary: 'Withdraw a consent with the link from an e-mail; from then on the data it covered is not used',
      tags: ['privacy'],
      body: consentTokenBody,
      response: consentLinkInfo,
      handler: ({ ctx, body }) => withdrawByLink(deps, ctx, body.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/consents/:kind/:id/withdraw',
      access: 'signed_in',
      summary: "Withdraw a registration's, an input's or a person's consent on their behalf (space leaders)",
      tags: ['privacy'],
      params: consentWithdrawParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await withdrawOnBehalf(deps, ctx, params.kind, params.id);
      },
    }),
  ];
}
