import { processEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { copyProcessTemplate, createProcessTemplate, getProcessTemplates, loadTemplate, updateProcessTemplate } from '../template/template.service.ts';
import { getProcess, getSpaceProcesses, patchProcessStep, startProcess, tickProcessStep } from './process.service.ts';

export function processRoutes(deps: Deps) {
  return [
    defineRoute(processEndpoints.getProcessTemplates, {
      handler: ({ ctx, query }) => getProcessTemplates(deps, ctx, query.spaceId),
    }),
    defineRoute(processEndpoints.createProcessTemplate, {
      handler: ({ ctx, body }) => createProcessTemplate(deps, ctx, body),
    }),
    defineRoute(processEndpoints.getProcessTemplate, {
      handler: ({ ctx, params }) => loadTemplate(deps, ctx, params.id),
    }),
    defineRoute(processEndpoints.updateProcessTemplate, {
      handler: ({ ctx, params, body }) => updateProcessTemplate(deps, ctx, params.id, body),
    }),
    defineRoute(processEndpoints.copyProcessTemplate, {
      handler: ({ ctx, params, body }) => copyProcessTemplate(deps, ctx, params.id, body.spaceId),
    }),
    defineRoute(processEndpoints.getSpaceProcesses, {
      handler: ({ ctx, params }) => getSpaceProcesses(deps, ctx, params.id),
    }),
    defineRoute(processEndpoints.startProcess, {
      handler: ({ ctx, params, body }) => startProcess(deps, ctx, params.id, body),
    }),
    defineRoute(processEndpoints.getProcess, {
      personal: true,
      handler: ({ ctx, params }) => getProcess(deps, ctx, params.id),
    }),
    defineRoute(processEndpoints.tickProcessStep, {
      handler: ({ ctx, params, body }) => tickProcessStep(deps, ctx, params.id, params.stepId, body),
    }),
    defineRoute(processEndpoints.patchProcessStep, {
      handler: ({ ctx, params, body }) => patchProcessStep(deps, ctx, params.id, params.stepId, body),
    }),
  ];
}
