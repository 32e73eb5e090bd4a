import { dashboardEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  comparisonCsv,
  createSpaceGoal,
  createSpinOff,
  getCountyDashboard,
  getMunicipalityDashboard,
  getSpaceComparison,
  getSpaceDashboard,
  getSpaceGoals,
  putSpaceFacts,
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
  ];
}
