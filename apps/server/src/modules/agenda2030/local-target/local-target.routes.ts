import { agenda2030Endpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createLocalTarget, getLocalTargets } from './local-target.service.ts';

export function localTargetRoutes(deps: Deps) {
  return [
    defineRoute(agenda2030Endpoints.getLocalTargets, {
      personal: true,
      handler: ({ ctx, params }) => getLocalTargets(deps, ctx, params.id),
    }),
    defineRoute(agenda2030Endpoints.createLocalTarget, {
      handler: ({ ctx, params, body }) => createLocalTarget(deps, ctx, params.id, body),
    }),
  ];
}
