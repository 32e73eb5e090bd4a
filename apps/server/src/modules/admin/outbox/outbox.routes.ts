import { outboxEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { readOutbox } from './outbox.service.ts';

export function outboxRoutes(deps: Deps) {
  return [
    defineRoute(outboxEndpoints.readOutbox, {
      handler: ({ ctx, query }) => readOutbox(deps, ctx, query),
    }),
  ];
}
