import type { ManagedAction, RoadNetwork } from '@samhandling/contracts';
import type { NetworkRow } from './network.repository.ts';

export function presentNetwork(row: NetworkRow, allowedActions: ManagedAction[]): RoadNetwork {
  return {
    id: row.id,
    name: row.name,
    fileName: row.file_name,
    bytes: Number(row.bytes),
    status: row.status ?? 'failed',
    progress: { stage: row.stage ?? null, percent: row.percent ?? 0 },
    error: row.status === 'failed' ? (row.error ?? null) : null,
    nodes: row.nodes,
    edges: row.edges,
    droppedNodes: row.dropped_nodes,
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}
