import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { analysis, analysisInput, analysisListItem, analysisOrigins } from '../analyses.ts';
import { idParams } from '../common.ts';

/** The analysis endpoints (the server's analysis.routes.ts implements them). */
export const analysisEndpoints = {
  getAnalyses: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/analyses',
    access: 'public',
    summary: 'The accessibility analyses of a space, newest first',
    tags: ['analyses'],
    params: idParams,
    response: z.array(analysisListItem),
  }),
  createAnalysis: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/analyses',
    access: 'signed_in',
    summary: 'Start an accessibility analysis as a job: the service points as of a date, a population set, a road network (or the straight-line fallback)',
    tags: ['analyses'],
    params: idParams,
    body: analysisInput,
    response: z.object({ id: z.string() }),
    status: 202,
  }),
  getAnalysis: endpoint({
    method: 'GET',
    path: '/api/analyses/:id',
    access: 'public',
    summary: 'An analysis: status, progress (stage, percent), summary per type (population per travel-time class) and what it was made from',
    tags: ['analyses'],
    params: idParams,
    response: analysis,
  }),
  cancelAnalysis: endpoint({
    method: 'POST',
    path: '/api/analyses/:id/cancel',
    access: 'signed_in',
    summary: 'Cancel a queued or running analysis',
    tags: ['analyses'],
    params: idParams,
    response: analysis,
  }),
  getAnalysisResultsCsv: endpoint({
    method: 'GET',
    path: '/api/analyses/:id/results.csv',
    access: 'public',
    summary: "The engine's result file: one row per origin and type (origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status)",
    tags: ['analyses'],
    params: idParams,
  }),
  getAnalysisOrigins: endpoint({
    method: 'GET',
    path: '/api/analyses/:id/origins',
    access: 'public',
    summary: 'Per origin: position, population and the minutes to the nearest and second-nearest point of each type (for maps and tables)',
    tags: ['analyses'],
    params: idParams,
    response: analysisOrigins,
  }),
};
