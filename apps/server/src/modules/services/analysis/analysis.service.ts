import { availableParallelism } from 'node:os';
import type { Analysis, AnalysisListItem, AnalysisOrigins } from '@samhandling/contracts';
import { ANALYSIS_SERVICE_TYPES, analysisInput } from '@samhandling/contracts';
import { DEFAULT_PROFILE, resultCsv, secondsOf, unpackResults, type ResultTable, type ServiceType } from '@samhandling/engine';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { JobContext } from '../../../platform/jobs.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { filesOfNetwork, networkForAnalysis } from '../network/network.service.ts';
import { originsOf, populationForAnalysis } from '../population/population.service.ts';
import { runAnalysisOffThread } from './analysis-thread.ts';
import { analysisActions, canManageAnalyses } from './analysis.policy.ts';
import { presentAnalysis, summaryOf, type AnalysisView, type StoredSummary } from './analysis.presenter.ts';
import { findAnalysisInputs, findAnalysisView, findResults, insertAnalysis, listAnalysisViews, storeResults } from './analysis.repository.ts';
import type { RunInput } from './engine-run.ts';
import { servicePointsAsOf, type SnapshotPoint } from './points-source.ts';

export const ANALYSIS_JOB = 'analysis.run';
const DEFAULT_THRESHOLDS = [5, 10, 30];
const DEFAULT_VULNERABLE_MIN = 10;

type Row = NonNullable<Awaited<ReturnType<typeof findAnalysisView>>>;

function view(row: Omit<Row, 'summary'> & { summary?: unknown }): AnalysisView {
  return {
    id: row.id,
    space_id: row.space_id,
    name: row.name,
    status: row.status,
    stage: row.stage,
    percent: row.percent,
    error: row.error,
    summary: (row.summary as StoredSummary | null | undefined) ?? null,
    points_as_of: row.points_as_of,
    point_count: Number(row.point_count),
    population: { id: row.population_set_id, name: row.population_name, kind: row.population_kind, year: row.population_year },
    network: row.network_id ? { id: row.network_id, name: row.network_name ?? '', fileName: row.network_file_name ?? '' } : null,
    mode: row.mode,
    types: row.types,
    thresholds_min: row.thresholds_min,
    vulnerable_min: row.vulnerable_min,
    profile: row.profile,
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
}

/** Loads an analysis the caller may see (404 otherwise), with the space access. */
export async function loadAnalysis(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findAnalysisView(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return { row, access };
}

export async function createAnalysis(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof analysisInput>): Promise<{ id: string }> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAnalyses(ctx.actor, access)) throw forbidden();
  const population = await populationForAnalysis(deps, spaceId, input.populationId);
  if (!population) throw new AppError('invalid', 'analyses.population_unknown', { populationId: 'analyses.population_unknown' });
  const network = await networkForAnalysis(deps, spaceId, input.networkId);
  const types: ServiceType[] = input.types ?? [...ANALYSIS_SERVICE_TYPES];
  const asOf = input.pointsAsOf ? new Date(input.pointsAsOf) : deps.clock.now();
  // The points are copied into the analysis: later edits of the inventory never change its figures.
  const points = (await servicePointsAsOf(deps, spaceId, asOf)).filter((p) => types.includes(p.type));
  if (!points.length) throw new AppError('invalid', 'analyses.no_points', { types: 'analyses.no_points' });
  const thresholdsMin = [...new Set(input.thresholdsMin ?? DEFAULT_THRESHOLDS)].sort((a, b) => a - b);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const jobId = await deps.jobs.enqueue(trx, ANALYSIS_JOB, {});
    const { id } = await insertAnalysis(trx, {
      spaceId,
      jobId,
      name: input.name ?? `${population.name} – ${now.toISOString().slice(0, 10)}`,
      pointsAsOf: asOf,
      points,
      populationSetId: population.id,
      networkId: network?.id ?? null,
      mode: network ? 'road' : 'straight_line',
      types,
      profile: DEFAULT_PROFILE as unknown as Record<string, unknown>,
      thresholdsMin,
      vulnerableMin: input.vulnerableMin ?? DEFAULT_VULNERABLE_MIN,
      createdBy: actorId(ctx.actor),
      now,
    });
    await trx.updateTable('jobs').set({ payload: JSON.stringify({ analysisId: id }) }).where('id', '=', jobId).execute();
    await recordAudit(trx, deps.clock, ctx, {
      action: 'analysis.create',
      resourceType: 'analysis',
      resourceId: id,
      details: { spaceId, populationSetId: population.id, networkId: network?.id ?? null, points: points.length, types },
    });
    return id;
  });
  deps.jobs.kick();
  return { id };
}

export async function getAnalysis(deps: Deps, ctx: RequestContext, id: string): Promise<Analysis> {
  const { row, access } = await loadAnalysis(deps, ctx, id);
  return presentAnalysis(view(row), analysisActions(ctx.actor, access, row.status));
}

export async function getAnalyses(deps: Deps, ctx: RequestContext, spaceId: string): Promise<AnalysisListItem[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await listAnalysisViews(deps.db, spaceId);
  return rows.map((r) => {
    const { summary: _summary, details: _details, ...rest } = presentAnalysis(view(r), analysisActions(ctx.actor, access, r.status));
    return rest;
  });
}

export async function cancelAnalysis(deps: Deps, ctx: RequestContext, id: string): Promise<Analysis> {
  const { row, access } = await loadAnalysis(deps, ctx, id);
  if (!canManageAnalyses(ctx.actor, access)) throw forbidden();
  if (row.status === 'queued' || row.status === 'running') {
    await deps.jobs.cancel(row.job_id);
    await recordAudit(deps.db, deps.clock, ctx, { action: 'analysis.cancel', resourceType: 'analysis', resourceId: id, details: {} });
  }
  return getAnalysis(deps, ctx, id);
}

async function resultsOf(deps: Deps, id: string, status: string): Promise<ResultTable> {
  if (status !== 'done') throw new AppError('conflict', 'analyses.not_done');
  const row = await findResults(deps.db, id);
  if (!row?.results) throw new AppError('conflict', 'analyses.not_done');
  return unpackResults(row.results);
}

/** The engine's result file, exactly as `samhandling analyse --out` writes it (generated from the stored table). */
export async function getResultsCsv(deps: Deps, ctx: RequestContext, id: string): Promise<string> {
  const { row } = await loadAnalysis(deps, ctx, id);
  return resultCsv(await resultsOf(deps, id, row.status));
}

const originsCache = new Map<string, AnalysisOrigins>();

/** Per origin: place, people and minutes to each service (for the map and the village table). */
export async function getAnalysisOrigins(deps: Deps, ctx: RequestContext, id: string): Promise<AnalysisOrigins> {
  const { row } = await loadAnalysis(deps, ctx, id);
  const cached = originsCache.get(id);
  if (cached) return cached;
  const table = await resultsOf(deps, id, row.status);
  const inputs = (await findAnalysisInputs(deps.db, id))!;
  const origins = await originsOf(deps, inputs.population_set_id);
  const types = inputs.types as ServiceType[];
  // The table lists origins in the population's order; a lookup by id keeps it right if that ever differs.
  const inOrder = table.originIds.length === origins.length && origins.every((o, i) => table.originIds[i] === o.id);
  const index = inOrder ? null : new Map(table.originIds.map((oid, i) => [oid, i]));
  const pointId = (p: number) => (p >= 0 ? table.pointIds[p]! : null);
  const timesOf = (k: number | undefined) =>
    types.map((t) => {
      const c = table.byType[t];
      if (k === undefined || !c) return [null, null, null, null] as [string | null, number | null, string | null, number | null];
      return [pointId(c.nearest[k]!), secondsOf(c.ds[k]!), pointId(c.second[k]!), secondsOf(c.ds2[k]!)] as [string | null, number | null, string | null, number | null];
    });
  const result: AnalysisOrigins = {
    types,
    origins: origins.map((o, i) => ({ id: o.id, name: o.name, lon: o.lon, lat: o.lat, population: o.population, municipalityCode: o.municipality ?? null, times: timesOf(index ? index.get(o.id) : i) })),
    points: (inputs.points as SnapshotPoint[]).map((p) => ({ id: p.id, type: p.type, lon: p.lon, lat: p.lat, name: p.name ?? null })),
  };
  originsCache.set(id, result);
  if (originsCache.size > 8) originsCache.delete(originsCache.keys().next().value!);
  return result;
}

const analysisThreads = () => Math.max(1, Math.min(2, availableParallelism()));

/**
 * Everything the engine needs, rebuilt from what the analysis stored. `open` hears the network as
 * soon as it is known, before the origins are read.
 */
export async function runInputOf(deps: Deps, id: string, open?: (network: RunInput['network'], profile: Record<string, unknown>, threads: number) => void): Promise<RunInput> {
  const inputs = await findAnalysisInputs(deps.db, id);
  if (!inputs) throw notFound();
  const network = inputs.network_id ? filesOfNetwork(deps, inputs.network_id) : null;
  open?.(network, inputs.profile, analysisThreads());
  return {
    network,
    points: (inputs.points as SnapshotPoint[]).map(({ id, type, lon, lat, name }) => ({ id, type, lon, lat, ...(name ? { name } : {}) })),
    origins: await originsOf(deps, inputs.population_set_id),
    types: inputs.types as ServiceType[],
    profile: inputs.profile,
    thresholdsMin: inputs.thresholds_min,
    vulnerableMin: inputs.vulnerable_min,
    threads: analysisThreads(),
  };
}

/** The job: compute on a worker thread, keep the engine's binary result table and the summary in the database. */
export function analysisJobHandler(deps: Deps) {
  return async (job: JobContext) => {
    const analysisId = String(job.payload.analysisId);
    await job.progress('prepare', 1);
    const { outcome, results } = await runAnalysisOffThread(
      (open) => runInputOf(deps, analysisId, open),
      (stage, percent) => void job.progress(stage, percent).catch(() => {}),
      job.signal,
    );
    await job.progress('store', 98);
    await storeResults(deps.db, analysisId, summaryOf(outcome), Buffer.from(results.buffer, results.byteOffset, results.byteLength));
    return { analysisId };
  };
}

/** For other modules (service plans): an analysis's space and state, without access checks. */
export async function analysisReference(deps: Deps, id: string): Promise<{ id: string; spaceId: string; name: string; status: string } | undefined> {
  const row = await findAnalysisView(deps.db, id);
  return row ? { id: row.id, spaceId: row.space_id, name: row.name, status: row.status } : undefined;
}
