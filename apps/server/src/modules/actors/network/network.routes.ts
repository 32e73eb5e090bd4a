import { idParams, network, networkMetrics, networkQuery, snapshot, snapshotComparison, snapshotInput } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalid } from '../../../platform/errors.ts';
import { collaborationsToCsv, networkToGexf, organisationsToCsv } from './network-export.ts';
import { compareWithSnapshot, getAreaNetwork, getSnapshots, getSpaceMetrics, getSpaceNetwork, takeSnapshot } from './network.service.ts';

export function networkRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/network',
      access: 'public',
      summary: 'The collaboration network of a space: its organisations and the collaborations among them',
      tags: ['network'],
      params: idParams,
      query: networkQuery,
      response: network,
      handler: ({ ctx, params, query }) => getSpaceNetwork(deps, ctx, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/network/metrics',
      access: 'public',
      summary: 'Network metrics: density, cross-sector share, sector matrix, degree, betweenness, isolated, communities',
      tags: ['network'],
      params: idParams,
      query: networkQuery,
      response: networkMetrics,
      handler: ({ ctx, params, query }) => getSpaceMetrics(deps, ctx, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/network/export',
      access: 'public',
      summary: 'The network as GEXF (Gephi) or as CSV of organisations or collaborations',
      tags: ['network'],
      params: idParams,
      query: networkQuery.extend({ format: z.enum(['gexf', 'organisations.csv', 'collaborations.csv']) }),
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
    defineRoute({
      method: 'GET',
      url: '/api/network',
      access: 'public',
      summary: 'The network and metrics of all organisations in a municipality or a county',
      tags: ['network'],
      query: networkQuery.extend({ county: z.string().regex(/^\d{2}$/).optional() }),
      response: z.object({ network, metrics: networkMetrics }),
      handler: async ({ query }) => {
        const { county, ...filter } = query;
        if (!county && !filter.municipality) throw invalid({ municipality: 'validation.required' });
        return getAreaNetwork(deps, { municipality: filter.municipality, county }, filter);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/network/snapshots',
      access: 'public',
      summary: 'Frozen states of the network (baselines)',
      tags: ['network'],
      params: idParams,
      response: z.array(snapshot),
      handler: ({ ctx, params }) => getSnapshots(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/network/snapshots',
      access: 'signed_in',
      summary: 'Freeze the network now or as it was on a date',
      tags: ['network'],
      params: idParams,
      body: snapshotInput,
      response: snapshot,
      status: 201,
      handler: ({ ctx, params, body }) => takeSnapshot(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/network/snapshots/:snapshotId/compare',
      access: 'public',
      summary: 'A baseline against the network now (or on a later date): new and ended collaborations, cross-sector share, degree by sector',
      tags: ['network'],
      params: z.object({ id: z.uuid(), snapshotId: z.uuid() }),
      query: z.object({ at: z.iso.date().optional() }),
      response: snapshotComparison,
      handler: ({ ctx, params, query }) => compareWithSnapshot(deps, ctx, params.id, params.snapshotId, query.at),
    }),
  ];
}
