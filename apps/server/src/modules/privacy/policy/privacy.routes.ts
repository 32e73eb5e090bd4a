import { privacyPolicy, privacyQuery, processingActivity, registerQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getPrivacyPolicy, getProcessingRegister, registerToCsv } from './privacy.service.ts';

export function privacyRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/privacy',
      access: 'public',
      summary: 'The privacy policy (personuppgiftspolicy): controller, purposes, legal bases, retention, from the configuration',
      tags: ['privacy'],
      query: privacyQuery,
      response: privacyPolicy,
      handler: async ({ ctx, query }) => getPrivacyPolicy(deps, query.lang ?? ctx.language),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/privacy/register',
      access: 'admin',
      summary: 'The register of processing activities (GDPR art. 30) as JSON or CSV (platform admins)',
      tags: ['admin'],
      query: registerQuery,
      response: z.object({ controller: privacyPolicy.shape.controller, activities: z.array(processingActivity) }),
      handler: async ({ ctx, query, reply }) => {
        const language = query.lang ?? ctx.language;
        const register = getProcessingRegister(deps, ctx, language);
        if (query.format === 'csv') {
          const name = language === 'sv' ? 'registerforteckning.csv' : 'processing-register.csv';
          return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(registerToCsv(register, language));
        }
        return register;
      },
    }),
  ];
}
