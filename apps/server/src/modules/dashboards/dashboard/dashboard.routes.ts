import { dashboardEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  comparisonCsv,
  createSpaceGoal,
  createSpinOff,
  deleteSpaceGoal,
  deleteSpinOff,
  getCountyDashboard,
  getMunicipalityDashboard,
  getSpaceComparison,
  getSpaceDashboard,
  getSpaceGoals,
  putSpaceFacts,
  updateSpaceGoal,
  updateSpinOff,
} from './dashboard.service.ts';
import { getLocalityDashboard } from './locality-dashboard.service.ts';

export function dashboardRoutes(deps: Deps) {
  return [
    defineRoute(dashboardEndpoints.getSpaceDashboard, {
      handler: ({ ctx, params }) => getSpaceDashboard(deps, ctx, params.id),
    }),
    defineRoute(dashboardEndpoints.getMunicipalityDashboard, {
      handler: ({ ctx, params }) => getMunicipalityDashboard(deps, ctx, params.code),
    }),
    defineRoute(dashboardEndpoints.getCountyDashboard, {
      handler: ({ ctx, params }) => getCountyDashboard(deps, ctx, params.code),
    }),
    defineRoute(dashboardEndpoints.getLocalityDashboard, {
      handler: ({ ctx, params }) => getLocalityDashboard(deps, ctx, params.id),
    }),
    defineRoute(dashboardEndpoints.getSpaceComparison, {
      handler: async ({ ctx, params, query, reply }) => {
        const comparison = await getSpaceComparison(deps, ctx, params.id);
        if (query.format === 'csv')
          return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="jamforelse.csv"').send(comparisonCsv(comparison)) as never;
        return comparison;
      },
    }),
    defineRoute(dashboardEndpoints.getSpaceGoals, {
      handler: ({ ctx, params }) => getSpaceGoals(deps, ctx, params.id),
    }),
    defineRoute(dashboardEndpoints.createSpaceGoal, {
      handler: ({ ctx, params, body }) => createSpaceGoal(deps, ctx, params.id, body),
    }),
    defineRoute(dashboardEndpoints.putSpaceFacts, {
      handler: ({ ctx, params, body }) => putSpaceFacts(deps, ctx, params.id, body),
    }),
    defineRoute(dashboardEndpoints.createSpinOff, {
      handler: ({ ctx, params, body }) => createSpinOff(deps, ctx, params.id, body),
    }),
    defineRoute(dashboardEndpoints.updateSpaceGoal, {
      handler: ({ ctx, params, body }) => updateSpaceGoal(deps, ctx, params.id, params.goalId, body),
    }),
    defineRoute(dashboardEndpoints.deleteSpaceGoal, {
      handler: async ({ ctx, params }) => {
        await deleteSpaceGoal(deps, ctx, params.id, params.goalId);
      },
    }),
    defineRoute(dashboardEndpoints.updateSpinOff, {
      handler: ({ ctx, params, body }) => updateSpinOff(deps, ctx, params.id, params.spinOffId, body),
    }),
    defineRoute(dashboardEndpoints.deleteSpinOff, {
      handler: async ({ ctx, params }) => {
        await deleteSpinOff(deps, ctx, params.id, params.spinOffId);
      },
    }),
  ];
}
