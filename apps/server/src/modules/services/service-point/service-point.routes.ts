import { idParams, servicePoint, servicePointExportQuery, servicePointChange, servicePointInput, servicePointPage, servicePointPatch, servicePointsQuery } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createServicePoint, exportServicePoints, getServicePoint, getServicePointHistory, getServicePoints, patchServicePoint } from './service-point.service.ts';

export function servicePointRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/service-points',
      access: 'public',
      personal: false,
      summary: "A space's service points (public when the space is), filtered by name, kind, engine type, status or municipality",
      tags: ['services'],
      params: idParams,
      query: servicePointsQuery,
      response: servicePointPage,
      handler: ({ ctx, params, query }) => getServicePoints(deps, ctx, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/service-points/export',
      access: 'public',
      personal: false,
      summary: "A space's service points as CSV (one row per point), GeoJSON, or the engine's points CSV (open points, one row per type)",
      tags: ['services'],
      params: idParams,
      query: servicePointExportQuery,
      handler: async ({ ctx, params, query, reply }) => {
        const file = await exportServicePoints(deps, ctx, params.id, query.format);
        return reply.type(file.type).header('Content-Disposition', `attachment; filename="service-points.${file.extension}"`).send(file.body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/service-points',
      access: 'signed_in',
      summary: 'Add a service point to a space (its leaders); the external id is made when not given',
      tags: ['services'],
      params: idParams,
      body: servicePointInput,
      response: servicePoint,
      status: 201,
      handler: ({ ctx, params, body }) => createServicePoint(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/service-points/:id',
      access: 'public',
      personal: false,
      summary: 'One service point with its opening hours for the coming week',
      tags: ['services'],
      params: idParams,
      response: servicePoint,
      handler: ({ ctx, params }) => getServicePoint(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/service-points/:id',
      access: 'signed_in',
      summary: "Edit a service point (the space's leaders); every change goes into its history",
      tags: ['services'],
      params: idParams,
      body: servicePointPatch,
      response: servicePoint,
      handler: ({ ctx, params, body }) => patchServicePoint(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/service-points/:id/history',
      access: 'public',
      summary: "A service point's full history of changes, newest first (names only to the space's leaders)",
      tags: ['services'],
      params: idParams,
      response: z.array(servicePointChange),
      handler: ({ ctx, params }) => getServicePointHistory(deps, ctx, params.id),
    }),
  ];
}
