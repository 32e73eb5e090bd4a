import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

const columns = [
  'road_networks.id',
  'road_networks.space_id',
  'road_networks.name',
  'road_networks.file_name',
  'road_networks.bytes',
  'road_networks.nodes',
  'road_networks.edges',
  'road_networks.dropped_nodes',
  'road_networks.created_at',
  'road_networks.job_id',
  'jobs.status',
  'jobs.stage',
  'jobs.percent',
  'jobs.error',
] as const;

export function listNetworks(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('road_networks').leftJoin('jobs', 'jobs.id', 'road_networks.job_id').select(columns).where('space_id', '=', spaceId).orderBy('road_networks.created_at', 'desc').execute();
}

export function findNetwork(db: Kysely<Database>, id: string) {
  return db.selectFrom('road_networks').leftJoin('jobs', 'jobs.id', 'road_networks.job_id').select(columns).where('road_networks.id', '=', id).executeTakeFirst();
}

export type NetworkRow = NonNullable<Awaited<ReturnType<typeof findNetwork>>>;

export function insertNetwork(
  db: Kysely<Database>,
  v: { id: string; spaceId: string; name: string; fileName: string; bytes: number; sha256: string; jobId: string; createdBy: string | null; now: Date },
) {
  return db
    .insertInto('road_networks')
    .values({ id: v.id, space_id: v.spaceId, name: v.name, file_name: v.fileName, bytes: v.bytes, sha256: v.sha256, job_id: v.jobId, nodes: null, edges: null, dropped_nodes: null, created_by: v.createdBy, created_at: v.now })
    .execute();
}

export function setNetworkSize(db: Kysely<Database>, id: string, size: { nodes: number; edges: number; droppedNodes: number }) {
  return db.updateTable('road_networks').set({ nodes: size.nodes, edges: size.edges, dropped_nodes: size.droppedNodes }).where('id', '=', id).execute();
}
