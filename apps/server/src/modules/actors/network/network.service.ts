import { createHash } from 'node:crypto';
import type { Network, NetworkEdge, NetworkMetrics, NetworkNode } from '@samhandling/contracts';
import { SECTORS } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { collaborationsAmong } from '../collaboration/collaboration.service.ts';
import { presentEdge } from '../collaboration/collaboration.presenter.ts';
import { organisationsByIds } from '../organisation/organisation.service.ts';
import { spaceOrganisationIds } from '../space-organisation/space-organisation.service.ts';
import { betweennessOffThread } from './betweenness-thread.ts';
import { basicMetrics, computeMetrics } from './metrics.ts';
import { findSnapshot, insertSnapshot, listSnapshots, organisationIdsInArea } from './network.repository.ts';

export interface NetworkFilter {
  sector?: string | undefined;
  level?: string | undefined;
  type?: string | undefined;
  source?: string | undefined;
  municipality?: string | undefined;
  at?: string | undefined;
}

interface BuiltNetwork extends Network {
  /** Survey answers: ties named by both sides, and all ties from the survey. */
  survey: { mutual: number; total: number };
}

function isoToday(deps: Deps): string {
  return deps.clock.now().toISOString().slice(0, 10);
}

/** Organisations as nodes, their collaborations (active on the date) as edges, filters applied. */
async function buildNetwork(deps: Deps, organisationIds: string[], seenIn: string | null, filter: NetworkFilter): Promise<BuiltNetwork> {
  const organisations = await organisationsByIds(deps, organisationIds);
  const kept = organisations.filter(
    (o) =>
      (!filter.sector || o.sector === filter.sector) &&
      (!filter.level || o.level === filter.level) &&
      (!filter.municipality || o.municipality_code === filter.municipality),
  );
  const rows = await collaborationsAmong(deps, kept.map((o) => o.id), seenIn, { type: filter.type, source: filter.source, at: filter.at ?? isoToday(deps) });
  const edges = rows.map(presentEdge);
  const degree = new Map<string, Set<string>>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? new Set()).add(edge.target));
    degree.set(edge.target, (degree.get(edge.target) ?? new Set()).add(edge.source));
  }
  const nodes: NetworkNode[] = kept
    .map((o) => ({
      id: o.id,
      name: o.name,
      sector: o.sector,
      level: o.level,
      type: o.type as NetworkNode['type'],
      municipalityCode: o.municipality_code,
      degree: degree.get(o.id)?.size ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const surveyRows = rows.filter((r) => r.source === 'survey');
  return { nodes, edges, survey: { mutual: surveyRows.filter((r) => r.reported_by_a && r.reported_by_b).length, total: surveyRows.length } };
}

export async function getSpaceNetwork(deps: Deps, ctx: RequestContext, spaceId: string, filter: NetworkFilter): Promise<Network> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  const { nodes, edges } = await buildNetwork(deps, await spaceOrganisationIds(deps, spaceId), spaceId, filter);
  return { nodes, edges };
}

/**
 * Metrics by network content: betweenness on thousands of organisations takes seconds, and the
 * same network is viewed again and again. A changed node or tie changes the key.
 */
const metricsCache = new Map<string, NetworkMetrics>();
const METRICS_CACHE_SIZE = 32;

function contentKey(network: BuiltNetwork): string {
  const hash = createHash('sha256');
  for (const node of network.nodes) hash.update(`${node.id}:${node.sector}\n`);
  for (const edge of network.edges) hash.update(`${edge.id}:${edge.source}:${edge.target}\n`);
  hash.update(`${network.survey.mutual}/${network.survey.total}`);
  return hash.digest('base64url');
}

async function metricsOf(network: BuiltNetwork): Promise<NetworkMetrics> {
  const key = contentKey(network);
  const cached = metricsCache.get(key);
  if (cached) return cached;
  const metrics = await computeMetrics(network.nodes, network.edges, { betweenness: betweennessOffThread });
  const result = { ...metrics, surveyReciprocity: network.survey.total ? network.survey.mutual / network.survey.total : null };
  metricsCache.set(key, result);
  if (metricsCache.size > METRICS_CACHE_SIZE) metricsCache.delete(metricsCache.keys().next().value!);
  return result;
}

export async function getSpaceMetrics(deps: Deps, ctx: RequestContext, spaceId: string, filter: NetworkFilter): Promise<NetworkMetrics> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return metricsOf(await buildNetwork(deps, await spaceOrganisationIds(deps, spaceId), spaceId, filter));
}

/**
 * The network of all registered organisations in a municipality or a county: the registry's
 * collaborations only (recorded by representatives or admins), not what a space recorded for itself.
 */
export async function getAreaNetwork(deps: Deps, area: { municipality?: string | undefined; county?: string | undefined }, filter: NetworkFilter) {
  const network = await buildNetwork(deps, await organisationIdsInArea(deps.db, area), null, filter);
  return { network: { nodes: network.nodes, edges: network.edges }, metrics: await metricsOf(network) };
}

function presentSnapshot(row: { id: string; name: string; taken_at: Date; at: string; network: { nodes: unknown[]; edges: unknown[] } }) {
  return { id: row.id, name: row.name, takenAt: row.taken_at.toISOString(), at: row.at, nodeCount: row.network.nodes.length, edgeCount: row.network.edges.length };
}

/** Freezes the network as it stands (or stood on a date): the baseline a project reports against. */
export async function takeSnapshot(deps: Deps, ctx: RequestContext, spaceId: string, input: { name: string; at?: string | undefined }) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  const at = input.at ?? isoToday(deps);
  const { nodes, edges } = await buildNetwork(deps, await spaceOrganisationIds(deps, spaceId), spaceId, { at });
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertSnapshot(trx, {
      spaceId,
      name: input.name,
      at,
      takenAt: deps.clock.now(),
      network: { nodes, edges },
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'network.snapshot', resourceType: 'space', resourceId: spaceId, details: { snapshotId: id, at } });
    return id;
  });
  const row = await findSnapshot(deps.db, spaceId, id);
  return presentSnapshot(row!);
}

export async function getSnapshots(deps: Deps, ctx: RequestContext, spaceId: string) {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return (await listSnapshots(deps.db, spaceId)).map(presentSnapshot);
}

function sectorDegrees(nodes: NetworkNode[], edges: NetworkEdge[]): Record<string, number> {
  const sectorOf = new Map(nodes.map((n) => [n.id, n.sector]));
  const totals = Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<string, number>;
  const seen = new Set<string>();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const end of [edge.source, edge.target]) {
      const sector = sectorOf.get(end);
      if (sector) totals[sector] = (totals[sector] ?? 0) + 1;
    }
  }
  return totals;
}

/** Before/after: the baseline snapshot against the network now (or on a later date). */
export async function compareWithSnapshot(deps: Deps, ctx: RequestContext, spaceId: string, snapshotId: string, at?: string) {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  const row = await findSnapshot(deps.db, spaceId, snapshotId);
  if (!row) throw notFound();
  const before = row.network as unknown as Network;
  const after = await buildNetwork(deps, await spaceOrganisationIds(deps, spaceId), spaceId, { at: at ?? isoToday(deps) });
  const beforeIds = new Set(before.edges.map((e) => e.id));
  const afterIds = new Set(after.edges.map((e) => e.id));
  const beforeMetrics = basicMetrics(before.nodes, before.edges);
  const afterMetrics = basicMetrics(after.nodes, after.edges);
  const degreeBefore = sectorDegrees(before.nodes, before.edges);
  const degreeAfter = sectorDegrees(after.nodes, after.edges);
  return {
    baseline: presentSnapshot(row),
    newCollaborations: after.edges.filter((e) => !beforeIds.has(e.id)),
    endedCollaborations: before.edges.filter((e) => !afterIds.has(e.id)),
    crossSectorShare: {
      before: beforeMetrics.crossSectorShare,
      after: afterMetrics.crossSectorShare,
      change: afterMetrics.crossSectorShare - beforeMetrics.crossSectorShare,
    },
    sectorDegree: Object.fromEntries(
      SECTORS.map((s) => [s, { before: degreeBefore[s] ?? 0, after: degreeAfter[s] ?? 0, change: (degreeAfter[s] ?? 0) - (degreeBefore[s] ?? 0) }]),
    ),
    nodeCount: { before: before.nodes.length, after: after.nodes.length },
    edgeCount: { before: beforeMetrics.edgeCount, after: afterMetrics.edgeCount },
  };
}
