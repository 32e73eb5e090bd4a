import type { Analysis, AnalysisAction, AnalysisDetails, AnalysisSummary, TypeAggregate } from '@samhandling/contracts';

/** What is stored with a finished analysis: the per-type summary and the details. */
export type StoredSummary = AnalysisDetails & { types: AnalysisSummary };
import type { TypeAggregate as EngineAggregate } from '@samhandling/engine';
import type { RunOutcome } from './engine-run.ts';

type EngineCore = Omit<EngineAggregate, 'by_municipality'>;

export function presentAggregate(a: EngineCore): TypeAggregate {
  return {
    population: a.population,
    origins: a.origins,
    classes: a.classes.map((c) => ({ label: c.label, fromMin: c.from_min, toMin: c.to_min, population: c.population, origins: c.origins })),
    unreachable: a.unreachable,
    noRoad: a.no_road,
    meanMin: a.mean_min,
    medianMin: a.median_min,
    vulnerable: { thresholdMin: a.vulnerable.threshold_min, population: a.vulnerable.population, origins: a.vulnerable.origins },
  };
}

/** The stored summary: the engine's aggregates in API shape, per type and per municipality. */
export function summaryOf(outcome: RunOutcome): StoredSummary {
  const types: Record<string, TypeAggregate> = {};
  const byMunicipality: Record<string, Record<string, TypeAggregate>> = {};
  for (const [type, agg] of Object.entries(outcome.aggregates)) {
    types[type] = presentAggregate(agg);
    for (const [code, m] of Object.entries(agg.by_municipality ?? {})) (byMunicipality[code] ??= {})[type] = presentAggregate(m);
  }
  return {
    mode: outcome.mode,
    population: outcome.population,
    origins: outcome.origins,
    points: outcome.points,
    pointsWithoutRoad: outcome.pointsWithoutRoad,
    types,
    byMunicipality,
    network: outcome.network,
    timingsMs: outcome.timingsMs,
  };
}

export interface AnalysisView {
  id: string;
  space_id: string;
  name: string;
  status: Analysis['status'];
  stage: string | null;
  percent: number;
  error: string | null;
  summary: StoredSummary | null;
  points_as_of: Date;
  point_count: number;
  population: { id: string; name: string; kind: 'grid' | 'origins' | 'localities'; year: number | null };
  network: { id: string; name: string; fileName: string } | null;
  mode: 'road' | 'straight_line';
  types: string[];
  thresholds_min: number[];
  vulnerable_min: number;
  profile: Record<string, unknown>;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function presentAnalysis(v: AnalysisView, allowedActions: AnalysisAction[]): Analysis {
  return {
    id: v.id,
    spaceId: v.space_id,
    name: v.name,
    status: v.status,
    progress: { stage: v.stage, percent: Math.round(v.percent) },
    error: v.status === 'failed' ? v.error : null,
    summary: v.status === 'done' && v.summary ? v.summary.types : null,
    details: v.status === 'done' && v.summary ? (({ types: _types, ...details }) => details)(v.summary) : null,
    inputs: {
      pointsAsOf: v.points_as_of.toISOString(),
      pointCount: v.point_count,
      population: v.population,
      network: v.network,
      mode: v.mode,
      types: v.types as Analysis['inputs']['types'],
      thresholdsMin: v.thresholds_min,
      vulnerableMin: v.vulnerable_min,
      profile: v.profile,
    },
    createdAt: v.created_at.toISOString(),
    startedAt: v.started_at?.toISOString() ?? null,
    finishedAt: v.finished_at?.toISOString() ?? null,
    allowedActions,
  };
}
