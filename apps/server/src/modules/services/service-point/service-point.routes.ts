import { servicePointEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { createServicePoint, exportServicePoints, getServicePoint, getServicePointHistory, getServicePoints, patchServicePoint } from './service-point.service.ts';

export function servicePointRoutes(deps: Deps) {
  return [
    defineRoute(servicePointEndpoints.getServicePoints, {
      personal: false,
      handler: ({ ctx, params, query }) => getServicePoints(deps, ctx, params.id, query),
    }),
    defineRoute(servicePointEndpoints.exportServicePoints, {
      personal: false,
      handler: async ({ ctx, params, query, reply }) => {
        const file = await exportServicePoints(deps, ctx, params.id, query.format);
        return reply.type(file.type).header('Content-Disposition', `attachment; filename="service-points.${file.extension}"`).send(file.body);
      },
    }),
    defineRoute(servicePointEndpoints.createServicePoint, {
      handler: ({ ctx, params, body }) => createServicePoint(deps, ctx, params.id, body),
    }),
    defineRoute(servicePointEndpoints.getServicePoint, {
      personal: false,
      handler: ({ ctx, params }) => getServicePoint(deps, ctx, params.id),
    }),
    defineRoute(servicePointEndpoints.patchServicePoint, {
      handler: ({ ctx, params, body }) => patchServicePoint(deps, ctx, params.id, body),
    }),
    defineRoute(servicePointEndpoints.getServicePointHistory, {
      handler: ({ ctx, params }) => getServicePointHistory(deps, ctx, params.id),
    }),
  ];
}
