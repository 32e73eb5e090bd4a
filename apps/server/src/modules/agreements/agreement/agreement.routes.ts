import { agreementEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  addAgreementParty,
  createAgreement,
  getAgreement,
  getPublicAgreement,
  getPublicAgreements,
  getSpaceAgreements,
  nameSignatory,
  patchAgreement,
  recordAdoption,
  signAgreement,
} from './agreement.service.ts';

export function agreementRoutes(deps: Deps) {
  return [
    defineRoute(agreementEndpoints.getSpaceAgreements, { personal: false, handler: ({ ctx, params }) => getSpaceAgreements(deps, ctx, params.id) }),
    defineRoute(agreementEndpoints.createAgreement, { handler: ({ ctx, params, body }) => createAgreement(deps, ctx, params.id, body) }),
    // Contact names are shown only to the space's leaders.
    defineRoute(agreementEndpoints.getAgreement, { personal: true, handler: ({ ctx, params }) => getAgreement(deps, ctx, params.id) }),
    defineRoute(agreementEndpoints.patchAgreement, { handler: ({ ctx, params, body }) => patchAgreement(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.addAgreementParty, { handler: ({ ctx, params, body }) => addAgreementParty(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.recordAgreementAdoption, { handler: ({ ctx, params, body }) => recordAdoption(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.nameAgreementSignatory, { handler: ({ ctx, params, body }) => nameSignatory(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.signAgreement, { handler: ({ ctx, params, body }) => signAgreement(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.getPublicAgreement, { personal: false, handler: ({ ctx, params }) => getPublicAgreement(deps, ctx, params.id) }),
    defineRoute(agreementEndpoints.getPublicAgreements, { personal: false, handler: ({ ctx, query }) => getPublicAgreements(deps, ctx, query) }),
  ];
}
