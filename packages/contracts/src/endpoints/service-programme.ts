import { endpoint } from '../endpoint.ts';
import { servicePlanCountyParams, serviceProgramme } from '../service-plans.ts';

/** The service programme endpoints (the server's service-programme.routes.ts implements them). */
export const serviceProgrammeEndpoints = {
  getServiceProgramme: endpoint({
    method: 'GET',
    path: '/api/counties/:code/service-programme',
    access: 'public',
    summary: 'The regional service programme view: the service plans and analyses of a county’s municipalities side by side',
    tags: ['service plans'],
    params: servicePlanCountyParams,
    response: serviceProgramme,
  }),
};
