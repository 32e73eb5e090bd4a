import { planDocument, planParams, servicePlanExportQuery } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { exportPlan, planDocumentFor } from './service-plan-export.service.ts';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export function servicePlanExportRoutes(deps: Deps) {
  const tags = ['service plans'];
  const file = (format: 'docx' | 'pdf') =>
    defineRoute({
      method: 'GET',
      url: `/api/service-plans/:id/export.${format}`,
      access: 'public',
      personal: true,
      summary: `The plan as ${format.toUpperCase()} with the map and charts (\`?version=N\` for a frozen version)`,
      tags,
      params: planParams,
      query: servicePlanExportQuery,
      handler: async ({ ctx, params, query, reply }) => {
        const { body, fileName } = await exportPlan(deps, ctx, params.id, format, query.version);
        return reply.type(TYPES[format]).header('Content-Disposition', `attachment; filename="${fileName}"`).send(body);
      },
    });
  return [
    file('docx'),
    file('pdf'),
    defineRoute({
      method: 'GET',
      url: '/api/service-plans/:id/document',
      access: 'public',
      personal: true,
      summary: 'The plan as a document (sections, tables, the map and charts as SVG): what the exports and the print view show',
      tags,
      params: planParams,
      query: servicePlanExportQuery,
      response: planDocument,
      handler: ({ ctx, params, query }) => planDocumentFor(deps, ctx, params.id, query.version),
    }),
  ];
}
