import { networkEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalid } from '../../../platform/errors.ts';
import { collaborationsToCsv, networkToGexf, organisationsToCsv } from './network-export.ts';
import { compareWithSnapshot, getAreaNetwork, getSnapshots, getSpaceMetrics, getSpaceNetwork, takeSnapshot } from './network.service.ts';

export function networkRoutes(deps: Deps) {
  return [
    defineRoute(networkEndpoints.getSpaceNetwork, {
      handler: ({ ctx, params, query }) => getSpaceNetwork(deps, ctx, params.id, query),
    }),
    defineRoute(networkEndpoints.getSpaceMetrics, {
      handler: ({ ctx, params, query }) => getSpaceMetrics(deps, ctx, params.id, query),
    }),
    defineRoute(networkEndpoints.exportSpaceNetwork, {
      handler: async ({ ctx, params, query, reply }) => {
        const { format, ...filter } = query;
        const data = await getSpaceNetwork(deps, ctx, params.id, filter);
        const [body, type, name] =
          format === 'gexf'
            ? [networkToGexf(data), 'application/gexf+xml; charset=utf-8', 'natverk.gexf']
            : format === 'organisations.csv'
              ? [organisationsToCsv(data), 'text/csv; charset=utf-8', 'organisationer.csv']
              : [collaborationsToCsv(data), 'text/csv; charset=utf-8', 'samverkan.csv'];
        return reply.type(type).header('Content-Disposition', `attachment; filename="${name}"`).send(body);
      },
    }),
    defineRoute(networkEndpoints.getNetwork, {
      handler: async ({ query }) => {
        const { county, ...filter } = query;
        if (!county && !filter.municipality) throw invalid({ municipality: 'validation.required' });
        return getAreaNetwork(deps, { municipality: filter.municipality, county }, filter);
      },
    }),
    defineRoute(networkEndpoints.getSnapshots, {
      handler: ({ ctx, params }) => getSnapshots(deps, ctx, params.id),
    }),
    defineRoute(networkEndpoints.takeSnapshot, {
      handler: ({ ctx, params, body }) => takeSnapshot(deps, ctx, params.id, body),
    }),
    defineRoute(networkEndpoints.compareWithSnapshot, {
      handler: ({ ctx, params, query }) => compareWithSnapshot(deps, ctx, params.id, params.snapshotId, query.at),
    }),
  ];
}
