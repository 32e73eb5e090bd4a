import { servicePlanCountyParams, serviceProgramme } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getServiceProgramme } from './service-programme.service.ts';

export function serviceProgrammeRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/counties/:code/service-programme',
      access: 'public',
      summary: 'The regional service programme view: the service plans and analyses of a county’s municipalities side by side',
      tags: ['service plans'],
      params: servicePlanCountyParams,
      response: serviceProgramme,
      personal: true,
      handler: ({ ctx, params }) => getServiceProgramme(deps, ctx, params.code),
    }),
  ];
}
