import { planEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { addIndicatorValue } from './indicator.service.ts';

export function indicatorRoutes(deps: Deps) {
  return [
    defineRoute(planEndpoints.addIndicatorValue, {
      handler: ({ ctx, params, body }) => addIndicatorValue(deps, ctx, params.id, body),
    }),
  ];
}
