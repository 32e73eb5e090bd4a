import { scenarioEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getScenario, getScenarios, runScenario } from './scenario.service.ts';

export function scenarioRoutes(deps: Deps) {
  return [
    defineRoute(scenarioEndpoints.runScenario, {
      handler: ({ ctx, params, body }) => runScenario(deps, ctx, params.id, body),
    }),
    defineRoute(scenarioEndpoints.getScenarios, {
      handler: ({ ctx, params }) => getScenarios(deps, ctx, params.id),
    }),
    defineRoute(scenarioEndpoints.getScenario, {
      handler: ({ ctx, params }) => getScenario(deps, ctx, params.id),
    }),
  ];
}
