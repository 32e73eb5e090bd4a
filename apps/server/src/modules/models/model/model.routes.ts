import { modelEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { applyModel, createModel, exportModel, getModel, getModelUses, getModels, getSpaceModelUses, importModel, patchModelUse, updateModel } from './model.service.ts';

export function modelRoutes(deps: Deps) {
  return [
    defineRoute(modelEndpoints.getModels, { personal: false, handler: () => getModels(deps) }),
    defineRoute(modelEndpoints.createModel, { handler: ({ ctx, body }) => createModel(deps, ctx, body) }),
    defineRoute(modelEndpoints.getModel, { personal: false, handler: ({ ctx, params }) => getModel(deps, ctx, params.id) }),
    defineRoute(modelEndpoints.updateModel, { handler: ({ ctx, params, body }) => updateModel(deps, ctx, params.id, body) }),
    defineRoute(modelEndpoints.applyModel, { handler: ({ ctx, params, body }) => applyModel(deps, ctx, params.id, body) }),
    defineRoute(modelEndpoints.getModelUses, { personal: true, handler: ({ ctx, params }) => getModelUses(deps, ctx, params.id) }),
    defineRoute(modelEndpoints.exportModel, {
      personal: false,
      handler: async ({ params, reply }) => {
        const file = await exportModel(deps, params.id);
        void reply.header('content-disposition', `attachment; filename="samverkansmodell-${params.id}.json"`);
        return file;
      },
    }),
    defineRoute(modelEndpoints.importModel, { handler: ({ ctx, body }) => importModel(deps, ctx, body) }),
    defineRoute(modelEndpoints.getSpaceModelUses, { personal: true, handler: ({ ctx, params }) => getSpaceModelUses(deps, ctx, params.id) }),
    defineRoute(modelEndpoints.patchModelUse, { handler: ({ ctx, params, body }) => patchModelUse(deps, ctx, params.id, body) }),
  ];
}
