import { initiativeEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  addInitiativePartner,
  createInitiative,
  getAllianceInitiatives,
  getInitiative,
  getInitiativesDirectory,
  patchInitiative,
  postInitiativeUpdate,
  removeInitiativePartner,
} from './initiative.service.ts';

export function initiativeRoutes(deps: Deps) {
  return [
    defineRoute(initiativeEndpoints.getInitiativesDirectory, {
      personal: false,
      handler: ({ ctx, query }) => getInitiativesDirectory(deps, ctx, query),
    }),
    defineRoute(initiativeEndpoints.getAllianceInitiatives, {
      personal: true,
      handler: ({ ctx, params }) => getAllianceInitiatives(deps, ctx, params.id),
    }),
    defineRoute(initiativeEndpoints.createInitiative, {
      handler: ({ ctx, params, body }) => createInitiative(deps, ctx, params.id, body),
    }),
    defineRoute(initiativeEndpoints.getInitiative, {
      personal: true,
      handler: ({ ctx, params }) => getInitiative(deps, ctx, params.id),
    }),
    defineRoute(initiativeEndpoints.patchInitiative, {
      handler: ({ ctx, params, body }) => patchInitiative(deps, ctx, params.id, body),
    }),
    defineRoute(initiativeEndpoints.addInitiativePartner, {
      handler: ({ ctx, params, body }) => addInitiativePartner(deps, ctx, params.id, body),
    }),
    defineRoute(initiativeEndpoints.removeInitiativePartner, {
      handler: async ({ ctx, params }) => {
        await removeInitiativePartner(deps, ctx, params.id, params.organisationId);
      },
    }),
    defineRoute(initiativeEndpoints.postInitiativeUpdate, {
      handler: ({ ctx, params, body }) => postInitiativeUpdate(deps, ctx, params.id, body),
    }),
  ];
}
