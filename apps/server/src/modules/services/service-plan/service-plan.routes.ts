import { servicePlanEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { adoptPlan, revisePlan, startConsultation } from './plan-lifecycle.ts';
import { addFollowUp, createPlan, getPlan, getVersion, getVersions, listSpacePlans, patchPlan } from './service-plan.service.ts';

export function servicePlanRoutes(deps: Deps) {
  return [
    defineRoute(servicePlanEndpoints.listSpacePlans, {
      personal: true,
      handler: ({ ctx, params }) => listSpacePlans(deps, ctx, params.id),
    }),
    defineRoute(servicePlanEndpoints.createPlan, {
      handler: ({ ctx, params, body }) => createPlan(deps, ctx, params.id, body),
    }),
    defineRoute(servicePlanEndpoints.getPlan, {
      personal: true,
      handler: ({ ctx, params }) => getPlan(deps, ctx, params.id),
    }),
    defineRoute(servicePlanEndpoints.patchPlan, {
      handler: ({ ctx, params, body }) => patchPlan(deps, ctx, params.id, body),
    }),
    defineRoute(servicePlanEndpoints.startConsultation, {
      handler: ({ ctx, params, body }) => startConsultation(deps, ctx, params.id, body),
    }),
    defineRoute(servicePlanEndpoints.adoptPlan, {
      handler: ({ ctx, params, body }) => adoptPlan(deps, ctx, params.id, body),
    }),
    defineRoute(servicePlanEndpoints.revisePlan, {
      handler: ({ ctx, params }) => revisePlan(deps, ctx, params.id),
    }),
    defineRoute(servicePlanEndpoints.getPlanVersions, {
      personal: true,
      handler: ({ ctx, params }) => getVersions(deps, ctx, params.id),
    }),
    defineRoute(servicePlanEndpoints.getPlanVersion, {
      personal: true,
      handler: ({ ctx, params }) => getVersion(deps, ctx, params.id, params.number),
    }),
    defineRoute(servicePlanEndpoints.addFollowUp, {
      handler: ({ ctx, params, body }) => addFollowUp(deps, ctx, params.id, body),
    }),
  ];
}
