import { privacyEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { describeConsentLink, withdrawByLink, withdrawOnBehalf } from './consent.service.ts';

export function consentRoutes(deps: Deps) {
  return [
    defineRoute(privacyEndpoints.describeConsentLink, {
      handler: ({ body }) => describeConsentLink(deps, body.token),
    }),
    defineRoute(privacyEndpoints.withdrawConsentByLink, {
      handler: ({ ctx, body }) => withdrawByLink(deps, ctx, body.token),
    }),
    defineRoute(privacyEndpoints.withdrawConsentOnBehalf, {
      handler: async ({ ctx, params }) => {
        await withdrawOnBehalf(deps, ctx, params.kind, params.id);
      },
    }),
  ];
}
