import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { savedScenario, scenarioInput, scenarioResult } from '../analyses.ts';
import { idParams } from '../common.ts';

/** The scenario endpoints (the server's scenario.routes.ts implements them). */
export const scenarioEndpoints = {
  runScenario: endpoint({
    method: 'POST',
    path: '/api/analyses/:id/scenarios',
    access: 'signed_in',
    summary: 'What if: close, open or move points (ids as given at import); the origins whose nearest point changes and the change in people per class. With a name the scenario is saved',
    tags: ['analyses'],
    params: idParams,
    body: scenarioInput,
    response: scenarioResult,
  }),
  getScenarios: endpoint({
    method: 'GET',
    path: '/api/analyses/:id/scenarios',
    access: 'public',
    summary: 'The saved scenarios of an analysis',
    tags: ['analyses'],
    params: idParams,
    response: z.array(savedScenario),
  }),
  getScenario: endpoint({
    method: 'GET',
    path: '/api/scenarios/:id',
    access: 'public',
    summary: 'A saved scenario: its changes and its effect per type and class',
    tags: ['analyses'],
    params: idParams,
    response: savedScenario,
  }),
};
