import { agenda2030Endpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getTargets } from './target.service.ts';

export function targetRoutes(_deps: Deps) {
  return [
    defineRoute(agenda2030Endpoints.getTargets, {
      handler: async () => getTargets(),
    }),
  ];
}
