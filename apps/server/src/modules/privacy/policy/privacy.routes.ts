import { privacyEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getPrivacyPolicy, getProcessingRegister, registerToCsv } from './privacy.service.ts';

export function privacyRoutes(deps: Deps) {
  return [
    defineRoute(privacyEndpoints.getPrivacyPolicy, {
      handler: async ({ ctx, query }) => getPrivacyPolicy(deps, query.lang ?? ctx.language),
    }),
    defineRoute(privacyEndpoints.getProcessingRegister, {
      handler: async ({ ctx, query }) => getProcessingRegister(deps, ctx, query.lang ?? ctx.language),
    }),
    defineRoute(privacyEndpoints.exportProcessingRegister, {
      handler: async ({ ctx, query, reply }) => {
        const language = query.lang ?? ctx.language;
        const name = language === 'sv' ? 'registerforteckning.csv' : 'processing-register.csv';
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${name}"`)
          .send(registerToCsv(getProcessingRegister(deps, ctx, language), language));
      },
    }),
  ];
}
