import { analysis, analysisInput, analysisListItem, analysisOrigins, idParams } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { neutraliseCsvText } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cancelAnalysis, createAnalysis, getAnalyses, getAnalysis, getAnalysisOrigins, getResultsCsv } from './analysis.service.ts';

export function analysisRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/analyses',
      access: 'public',
      summary: 'The accessibility analyses of a space, newest first',
      tags: ['analyses'],
      params: idParams,
      response: z.array(analysisListItem),
      handler: ({ ctx, params }) => getAnalyses(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/analyses',
      access: 'signed_in',
      summary: 'Start an accessibility analysis as a job: the service points as of a date, a population set, a road network (or the straight-line fallback)',
      tags: ['analyses'],
      params: idParams,
      body: analysisInput,
      status: 202,
      response: z.object({ id: z.string() }),
      handler: ({ ctx, params, body }) => createAnalysis(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/analyses/:id',
      access: 'public',
      summary: 'An analysis: status, progress (stage, percent), summary per type (population per travel-time class) and what it was made from',
      tags: ['analyses'],
      params: idParams,
      response: analysis,
      handler: ({ ctx, params }) => getAnalysis(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/analyses/:id/cancel',
      access: 'signed_in',
      summary: 'Cancel a queued or running analysis',
      tags: ['analyses'],
      params: idParams,
      response: analysis,
      handler: ({ ctx, params }) => cancelAnalysis(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/analyses/:id/results.csv',
      access: 'public',
      summary: "The engine's result file: one row per origin and type (origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status)",
      tags: ['analyses'],
      params: idParams,
      handler: async ({ ctx, params, reply }) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="analys-${params.id}.csv"`)
          // Ids in the file come from uploads: neutralised for spreadsheets, the numbers untouched.
          .send(neutraliseCsvText(await getResultsCsv(deps, ctx, params.id))),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/analyses/:id/origins',
      access: 'public',
      summary: 'Per origin: position, population and the minutes to the nearest and second-nearest point of each type (for maps and tables)',
      tags: ['analyses'],
      params: idParams,
      response: analysisOrigins,
      handler: ({ ctx, params }) => getAnalysisOrigins(deps, ctx, params.id),
    }),
  ];
}
