import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { network, networkMetrics, networkQuery, snapshot, snapshotComparison, snapshotInput } from '../actors.ts';
import { idParams } from '../common.ts';

/** The network endpoints (the server's network.routes.ts implements them). */
export const networkEndpoints = {
  getSpaceNetwork: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/network',
    access: 'public',
    summary: 'The collaboration network of a space: its organisations and the collaborations among them',
    tags: ['network'],
    params: idParams,
    query: networkQuery,
    response: network,
  }),
  getSpaceMetrics: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/network/metrics',
    access: 'public',
    summary: 'Network metrics: density, cross-sector share, sector matrix, degree, betweenness, isolated, communities',
    tags: ['network'],
    params: idParams,
    query: networkQuery,
    response: networkMetrics,
  }),
  exportSpaceNetwork: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/network/export',
    access: 'public',
    summary: 'The network as GEXF (Gephi) or as CSV of organisations or collaborations',
    tags: ['network'],
    params: idParams,
    query: networkQuery.extend({ format: z.enum(['gexf', 'organisations.csv', 'collaborations.csv']) }),
  }),
  getNetwork: endpoint({
    method: 'GET',
    path: '/api/network',
    access: 'public',
    summary: 'The network and metrics of all organisations in a municipality or a county',
    tags: ['network'],
    query: networkQuery.extend({ county: z.string().regex(/^\d{2}$/).optional() }),
    response: z.object({ network, metrics: networkMetrics }),
  }),
  getSnapshots: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/network/snapshots',
    access: 'public',
    summary: 'Frozen states of the network (baselines)',
    tags: ['network'],
    params: idParams,
    response: z.array(snapshot),
  }),
  takeSnapshot: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/network/snapshots',
    access: 'signed_in',
    summary: 'Freeze the network now or as it was on a date',
    tags: ['network'],
    params: idParams,
    body: snapshotInput,
    response: snapshot,
    status: 201,
  }),
  compareWithSnapshot: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/network/snapshots/:snapshotId/compare',
    access: 'public',
    summary: 'A baseline against the network now (or on a later date): new and ended collaborations, cross-sector share, degree by sector',
    tags: ['network'],
    params: z.object({ id: z.uuid(), snapshotId: z.uuid() }),
    query: z.object({ at: z.iso.date().optional() }),
    response: snapshotComparison,
  }),
};
