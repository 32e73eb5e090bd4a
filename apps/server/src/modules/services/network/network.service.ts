import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RoadNetwork } from '@samhandling/contracts';
import { DEFAULT_PROFILE } from '@samhandling/engine';
import { actorId, anonymous, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { JobContext } from '../../../platform/jobs.ts';
import { loadSpaceAccess, spaceExists } from '../../spaces/space/space.service.ts';
import { buildNetworkOffThread } from '../analysis/analysis-thread.ts';
import { canManageAnalyses, canViewAnalyses, managerActions } from '../analysis/analysis.policy.ts';
import { looksLikeOsmFile, networkFiles } from './network-files.ts';
import { presentNetwork } from './network.presenter.ts';
import { findNetwork, insertNetwork, listNetworks, setNetworkSize } from './network.repository.ts';

export const NETWORK_BUILD_JOB = 'network.build';

async function assertOsmFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (!looksLikeOsmFile(head.subarray(0, bytesRead))) throw new AppError('invalid', 'analyses.network_unreadable', { file: 'analyses.network_unreadable' });
  } finally {
    await handle.close();
  }
}

/** Moves a file into place, also across file systems (a temporary directory may be on another). */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EXDEV') throw error;
    await copyFile(from, `${to}.part`);
    await rename(`${to}.part`, to);
    await rm(from, { force: true });
  }
}

/**
 * Registers a road network from an OSM PBF in a temporary place: checked, moved under DATA_DIR,
 * and the build of its graph queued. A file that is not PBF never reaches DATA_DIR.
 */
async function register(deps: Deps, ctx: { actor: Actor; requestId: string | null }, spaceId: string, id: string, staged: string, file: { bytes: number; sha256: string; fileName: string }, name?: string) {
  try {
    await assertOsmFile(staged);
    await moveFile(staged, networkFiles(deps.config, id).pbf);
  } finally {
    await rm(staged, { force: true });
  }
  const jobId = await deps.db.transaction().execute(async (trx) => {
    const jobId = await deps.jobs.enqueue(trx, NETWORK_BUILD_JOB, { networkId: id });
    await insertNetwork(trx, { id, spaceId, name: name ?? (file.fileName || 'OpenStreetMap'), fileName: file.fileName || 'network.osm.pbf', bytes: file.bytes, sha256: file.sha256, jobId, createdBy: actorId(ctx.actor), now: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'network.import', resourceType: 'road_network', resourceId: id, details: { spaceId, bytes: file.bytes, sha256: file.sha256 } });
    return jobId;
  });
  deps.jobs.kick();
  return jobId;
}

export async function importNetworkUpload(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  save: (target: string) => Promise<{ bytes: number; sha256: string; fileName: string }>,
  options: { name?: string | undefined },
): Promise<RoadNetwork> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAnalyses(ctx.actor, access)) throw forbidden();
  const id = randomUUID();
  const staged = path.join(tmpdir(), `samhandling-network-${id}.osm.pbf`);
  const file = await save(staged);
  await register(deps, ctx, spaceId, id, staged, file, options.name);
  return presentNetwork((await findNetwork(deps.db, id))!, managerActions(ctx.actor, access));
}

/** For the CLI (`samhandling import osm FILE --space ID`): no size limit, no HTTP. */
export async function importNetworkFile(deps: Deps, spaceId: string, source: string, name?: string): Promise<{ id: string; jobId: string }> {
  if (!(await spaceExists(deps, spaceId))) throw notFound();
  const id = randomUUID();
  const staged = path.join(tmpdir(), `samhandling-network-${id}.osm.pbf`);
  await copyFile(source, staged);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(staged)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const jobId = await register(deps, { actor: anonymous, requestId: null }, spaceId, id, staged, { bytes, sha256: hash.digest('hex'), fileName: path.basename(source) }, name);
  return { id, jobId };
}

export async function getNetworks(deps: Deps, ctx: RequestContext, spaceId: string): Promise<RoadNetwork[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  return (await listNetworks(deps.db, spaceId)).map((r) => presentNetwork(r, managerActions(ctx.actor, access)));
}

/**
 * The roads drawn on a space's maps: those of its newest built network, as stored beside the graph
 * (GeoJSON, by display class). Whoever may see the space's analyses sees them; others get 404.
 * null when the space has no built network, or one built before roads were kept. The ETag names
 * the network and the file's size and time: it changes only when a network is (re)built.
 */
export async function getSpaceRoads(deps: Deps, ctx: RequestContext, spaceId: string): Promise<{ etag: string; read: () => Promise<Buffer> } | null> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewAnalyses(ctx.actor, access)) throw notFound();
  const network = (await listNetworks(deps.db, spaceId)).find((r) => r.status === 'done');
  if (!network) return null;
  const file = networkFiles(deps.config, network.id).roads;
  const stats = await stat(file).catch(() => null);
  if (!stats) return null;
  return { etag: `"roads-${network.id}-${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`, read: () => readFile(file) };
}

/** For analyses: the network of the space, or its newest one that is built. */
export async function networkForAnalysis(deps: Deps, spaceId: string, networkId: string | null | undefined) {
  if (networkId === null) return null;
  if (networkId) {
    const row = await findNetwork(deps.db, networkId);
    if (!row || row.space_id !== spaceId) throw new AppError('invalid', 'analyses.network_unknown', { networkId: 'analyses.network_unknown' });
    if (row.status === 'failed' || row.status === 'cancelled') throw new AppError('invalid', 'analyses.network_not_ready', { networkId: 'analyses.network_not_ready' });
    return row;
  }
  return (await listNetworks(deps.db, spaceId)).find((r) => r.status === 'done') ?? null;
}

export const findNetworkById = (deps: Deps, id: string) => findNetwork(deps.db, id);
export const filesOfNetwork = (deps: Deps, id: string) => networkFiles(deps.config, id);

/** The job: parse the OSM file, build the graph and its hierarchy, keep it as a cache. */
export function networkBuildHandler(deps: Deps) {
  return async (job: JobContext) => {
    const networkId = String(job.payload.networkId);
    const outcome = await buildNetworkOffThread(networkFiles(deps.config, networkId), DEFAULT_PROFILE as unknown as Record<string, unknown>, (stage, percent) => void job.progress(stage, percent).catch(() => {}), job.signal);
    await setNetworkSize(deps.db, networkId, outcome);
    return outcome;
  };
}
