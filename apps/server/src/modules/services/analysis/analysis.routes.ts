import { analysisEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { neutraliseCsvText } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { cancelAnalysis, createAnalysis, getAnalyses, getAnalysis, getAnalysisOrigins, getResultsCsv } from './analysis.service.ts';

export function analysisRoutes(deps: Deps) {
  return [
    defineRoute(analysisEndpoints.getAnalyses, {
      handler: ({ ctx, params }) => getAnalyses(deps, ctx, params.id),
    }),
    defineRoute(analysisEndpoints.createAnalysis, {
      handler: ({ ctx, params, body }) => createAnalysis(deps, ctx, params.id, body),
    }),
    defineRoute(analysisEndpoints.getAnalysis, {
      handler: ({ ctx, params }) => getAnalysis(deps, ctx, params.id),
    }),
    defineRoute(analysisEndpoints.cancelAnalysis, {
      handler: ({ ctx, params }) => cancelAnalysis(deps, ctx, params.id),
    }),
    defineRoute(analysisEndpoints.getAnalysisResultsCsv, {
      handler: async ({ ctx, params, reply }) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="analys-${params.id}.csv"`)
          // Ids in the file come from uploads: neutralised for spreadsheets, the numbers untouched.
          .send(neutraliseCsvText(await getResultsCsv(deps, ctx, params.id))),
    }),
    defineRoute(analysisEndpoints.getAnalysisOrigins, {
      handler: ({ ctx, params }) => getAnalysisOrigins(deps, ctx, params.id),
    }),
  ];
}
