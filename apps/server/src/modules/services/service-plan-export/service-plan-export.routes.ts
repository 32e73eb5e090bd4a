import { servicePlanExportEndpoints } from '@samhandling/contracts';
import type { FastifyReply } from 'fastify';
import { defineRoute } from '../../../http/route.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { exportPlan, planDocumentFor } from './service-plan-export.service.ts';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

async function sendExport(deps: Deps, ctx: RequestContext, reply: FastifyReply, id: string, format: 'docx' | 'pdf', version: number | undefined) {
  const { body, fileName } = await exportPlan(deps, ctx, id, format, version);
  return reply.type(TYPES[format]).header('Content-Disposition', `attachment; filename="${fileName}"`).send(body);
}

export function servicePlanExportRoutes(deps: Deps) {
  return [
    defineRoute(servicePlanExportEndpoints.exportServicePlanDocx, {
      personal: true,
      handler: ({ ctx, params, query, reply }) => sendExport(deps, ctx, reply, params.id, 'docx', query.version),
    }),
    defineRoute(servicePlanExportEndpoints.exportServicePlanPdf, {
      personal: true,
      handler: ({ ctx, params, query, reply }) => sendExport(deps, ctx, reply, params.id, 'pdf', query.version),
    }),
    defineRoute(servicePlanExportEndpoints.getServicePlanDocument, {
      personal: true,
      handler: ({ ctx, params, query }) => planDocumentFor(deps, ctx, params.id, query.version),
    }),
  ];
}
