import { planEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createActionPlan, createFollowUp, createGoalIndicator, getActionPlan, getSpaceActionPlans, patchActionPlan } from './action-plan.service.ts';

export function actionPlanRoutes(deps: Deps) {
  return [
    defineRoute(planEndpoints.getSpaceActionPlans, {
      handler: ({ ctx, params }) => getSpaceActionPlans(deps, ctx, params.id),
    }),
    defineRoute(planEndpoints.createActionPlan, {
      handler: ({ ctx, params, body }) => createActionPlan(deps, ctx, params.id, body),
    }),
    defineRoute(planEndpoints.getActionPlan, {
      handler: ({ ctx, params }) => getActionPlan(deps, ctx, params.id),
    }),
    defineRoute(planEndpoints.patchActionPlan, {
      handler: ({ ctx, params, body }) => patchActionPlan(deps, ctx, params.id, body),
    }),
    defineRoute(planEndpoints.createGoalIndicator, {
      handler: ({ ctx, params, body }) => createGoalIndicator(deps, ctx, params.id, body),
    }),
    defineRoute(planEndpoints.createFollowUp, {
      handler: ({ ctx, params, body }) => createFollowUp(deps, ctx, params.id, body),
    }),
  ];
}
