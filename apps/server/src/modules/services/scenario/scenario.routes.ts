import { idParams, savedScenario, scenarioInput, scenarioResult } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getScenario, getScenarios, runScenario } from './scenario.service.ts';

export function scenarioRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/analyses/:id/scenarios',
      access: 'signed_in',
      summary: 'What if: close, open or move points (ids as given at import); the origins whose nearest point changes and the change in people per class. With a name the scenario is saved',
      tags: ['analyses'],
      params: idParams,
      body: scenarioInput,
      response: scenarioResult,
      handler: ({ ctx, params, body }) => runScenario(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/analyses/:id/scenarios',
      access: 'public',
      summary: 'The saved scenarios of an analysis',
      tags: ['analyses'],
      params: idParams,
      response: z.array(savedScenario),
      handler: ({ ctx, params }) => getScenarios(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id',
      access: 'public',
      summary: 'A saved scenario: its changes and its effect per type and class',
      tags: ['analyses'],
      params: idParams,
      response: savedScenario,
      handler: ({ ctx, params }) => getScenario(deps, ctx, params.id),
    }),
  ];
}
