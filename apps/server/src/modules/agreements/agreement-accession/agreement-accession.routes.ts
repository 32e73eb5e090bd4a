import { agreementEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { applyToJoin, decideAccessionRequest, getAccessions } from './agreement-accession.service.ts';

export function agreementAccessionRoutes(deps: Deps) {
  return [
    defineRoute(agreementEndpoints.getAgreementAccessions, { handler: ({ ctx, params }) => getAccessions(deps, ctx, params.id) }),
    defineRoute(agreementEndpoints.applyAgreementAccession, { handler: ({ ctx, params, body }) => applyToJoin(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.decideAgreementAccession, { handler: ({ ctx, params, body }) => decideAccessionRequest(deps, ctx, params.id, body) }),
  ];
}
