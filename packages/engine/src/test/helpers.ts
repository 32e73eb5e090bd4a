import { AccessibilityModel } from '../analysis/model.ts';
import type { Origin, ServicePoint } from '../analysis/points.ts';
import { BaseNetworkBuilder, DIR_BWD, DIR_FWD, type BaseNetwork } from '../graph/base.ts';
import { buildGraph } from '../graph/build.ts';
import type { ServiceType } from '../osm/services.ts';
import { DEFAULT_PROFILE } from '../profile.ts';

/** Node i of a test network sits at this position: far enough apart that snapping is unambiguous. */
export const at = (i: number): { lon: number; lat: number } => ({ lon: 15 + (i % 10) * 0.01, lat: 60 + Math.floor(i / 10) * 0.01 });

export interface TestEdge {
  from: number;
  to: number;
  sec: number;
  oneway?: boolean;
}

export function network(nodes: number, edges: TestEdge[]): BaseNetwork {
  const b = new BaseNetworkBuilder();
  for (let i = 0; i < nodes; i++) b.addNode(at(i).lon, at(i).lat);
  for (const e of edges) b.addSegment(e.from, e.to, e.sec, e.sec * 10, DIR_FWD | (e.oneway ? 0 : DIR_BWD));
  return b.finish();
}

export const pointAt = (id: string, node: number, type: ServiceType = 'groceries'): ServicePoint => ({ id, type, ...at(node) });
export const originAt = (id: string, node: number, population = 1): Origin => ({ id, ...at(node), population });

export async function model(
  net: BaseNetwork,
  points: ServicePoint[],
  origins: Origin[],
  types: ServiceType[] = ['groceries'],
): Promise<AccessibilityModel> {
  return AccessibilityModel.create({ graph: buildGraph(net), points, origins, types, profile: DEFAULT_PROFILE, threads: 1 });
}

/** Small deterministic PRNG for tests. */
export function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
