import { planEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createMeasure, createMeasureIndicator, getMeasure, getSpaceMeasures, patchMeasure } from './measure.service.ts';

export function measureRoutes(deps: Deps) {
  return [
    defineRoute(planEndpoints.createMeasure, {
      handler: ({ ctx, params, body }) => createMeasure(deps, ctx, params.id, body),
    }),
    defineRoute(planEndpoints.getSpaceMeasures, {
      handler: ({ ctx, params }) => getSpaceMeasures(deps, ctx, params.id),
    }),
    defineRoute(planEndpoints.getMeasure, {
      handler: ({ ctx, params }) => getMeasure(deps, ctx, params.id),
    }),
    defineRoute(planEndpoints.patchMeasure, {
      handler: ({ ctx, params, body }) => patchMeasure(deps, ctx, params.id, body),
    }),
    defineRoute(planEndpoints.createIndicator, {
      handler: ({ ctx, params, body }) => createMeasureIndicator(deps, ctx, params.id, body),
    }),
  ];
}
