import { goalEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getGoals } from './goal.service.ts';

export function goalRoutes(_deps: Deps) {
  return [
    defineRoute(goalEndpoints.getGoals, {
      handler: async () => getGoals(),
    }),
  ];
}
