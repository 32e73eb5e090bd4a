import { serviceProgrammeEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getServiceProgramme } from './service-programme.service.ts';

export function serviceProgrammeRoutes(deps: Deps) {
  return [
    defineRoute(serviceProgrammeEndpoints.getServiceProgramme, {
      personal: true,
      handler: ({ ctx, params }) => getServiceProgramme(deps, ctx, params.code),
    }),
  ];
}
