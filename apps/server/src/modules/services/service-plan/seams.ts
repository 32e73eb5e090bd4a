/**
 * Where the service plan meets the other modules. Each function here is the one place the plan
 * asks another module for something, always through that module's service:
 *
 * - `serviceNeedsFor`   → the dialogues' inputs of type "service need" for the plan's municipality
 *                         (inputs module, `listServiceNeeds`): id, text, locality, status, date.
 * - `analysisFiguresFor`→ the analyses module's summary (as `GET /api/analyses/{id}`): population
 *                         per travel-time class per service type, for the plan's municipality.
 * - `assertAnalysisUsable` / `assertScenariosUsable` → that the analysis and the saved scenarios
 *                         exist and belong to the plan's space (the ids are stored without
 *                         foreign keys: their tables belong to the analyses module).
 * - `servicePointsFor`  → the open service points of the municipality, drawn on the plan's map.
 */
import type { PlanAnalysisFigures, PlanNeed } from '@samhandling/contracts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { listServiceNeeds } from '../../dialogues/input/input.service.ts';
import { getMunicipality } from '../../geography/municipality/municipality.service.ts';
import { analysisReference, getAnalysis } from '../analysis/analysis.service.ts';
import { scenarioReference } from '../scenario/scenario.service.ts';
import { getServicePoints } from '../service-point/service-point.service.ts';

export interface PlanScope {
  spaceId: string;
  municipalityCode: string;
}

/**
 * The needs raised in the villages: inputs of kind "need" with the service theme in the plan's
 * space and municipality (hidden inputs left out), with their status on the inputs' timeline.
 */
export async function serviceNeedsFor(deps: Deps, _ctx: RequestContext, scope: PlanScope): Promise<PlanNeed[]> {
  const needs = await listServiceNeeds(deps.db, scope.spaceId, scope.municipalityCode);
  return needs.map((n) => ({ id: n.id, title: n.text, localityName: n.localityName, status: n.status, raisedAt: n.createdAt }));
}

/**
 * Reads an analysis summary into the plan's figures. Accepts the engine's aggregate shape
 * (`{ [type]: { classes: [{ label, population }] } }`) or a list (`[{ type, classes }]`).
 */
export function figuresFromSummary(analysisId: string, summary: unknown, straightLine = false): PlanAnalysisFigures {
  const types: PlanAnalysisFigures['types'] = [];
  const add = (type: string, value: unknown) => {
    const classes = (value as { classes?: unknown })?.classes;
    if (!Array.isArray(classes)) return;
    types.push({
      type,
      classes: classes
        .filter((c): c is { label: string; population: number } => typeof c?.label === 'string' && typeof c?.population === 'number')
        .map((c) => ({ label: c.label, population: c.population })),
    });
  };
  if (Array.isArray(summary)) for (const item of summary) add(String((item as { type?: unknown }).type), item);
  else if (summary && typeof summary === 'object') for (const [type, value] of Object.entries(summary)) add(type, value);
  return { analysisId, available: types.length > 0, reason: types.length > 0 ? null : 'no_summary', straightLine, types };
}

/**
 * The figures of the analysis the plan rests on, for the plan's municipality when the analysis
 * covers several; `available: false` with a reason while it runs, failed, or cannot be seen.
 */
export async function analysisFiguresFor(deps: Deps, ctx: RequestContext, analysisId: string, municipalityCode?: string): Promise<PlanAnalysisFigures> {
  const missing = (reason: string): PlanAnalysisFigures => ({ analysisId, available: false, reason, straightLine: false, types: [] });
  let analysis;
  try {
    analysis = await getAnalysis(deps, ctx, analysisId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return missing('analysis_not_found');
    throw error;
  }
  if (analysis.status !== 'done' || !analysis.summary || !analysis.details) return missing(`analysis_${analysis.status}`);
  const own = municipalityCode ? analysis.details.byMunicipality[municipalityCode] : undefined;
  return figuresFromSummary(analysisId, own && Object.keys(own).length > 0 ? own : analysis.summary, analysis.details.mode === 'straight_line');
}

/** An analysis a plan may rest on: one of the plan's own space. */
export async function assertAnalysisUsable(deps: Deps, _ctx: RequestContext, scope: PlanScope, analysisId: string): Promise<void> {
  const reference = await analysisReference(deps, analysisId);
  if (!reference || reference.spaceId !== scope.spaceId) throw invalid({ analysisId: 'validation.analysis_unknown' });
}

/** Scenarios a measure may give as its reason: saved scenarios of the plan's own space. */
export async function assertScenariosUsable(deps: Deps, _ctx: RequestContext, scope: PlanScope, scenarioIds: { field: string; id: string }[]): Promise<void> {
  const problems: Record<string, string> = {};
  for (const { field, id } of scenarioIds) {
    const reference = await scenarioReference(deps, id);
    if (!reference || reference.spaceId !== scope.spaceId) problems[field] = 'validation.scenario_unknown';
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
}

export interface MapPoint {
  name: string;
  lon: number;
  lat: number;
  kind: string;
}

/**
 * Open service points of the space's inventory in the plan's municipality, for the plan's map:
 * those recorded with the municipality, and those without one that lie inside its boundary.
 */
export async function servicePointsFor(deps: Deps, ctx: RequestContext, scope: PlanScope): Promise<MapPoint[]> {
  let page;
  try {
    page = await getServicePoints(deps, ctx, scope.spaceId, { limit: 5000, offset: 0 });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return [];
    throw error;
  }
  const boundary = (await getMunicipality(deps, scope.municipalityCode)).boundary;
  return page.items
    .filter((p) => p.status !== 'closed')
    .filter((p) => (p.municipalityCode ? p.municipalityCode === scope.municipalityCode : booleanPointInPolygon([p.lon, p.lat], boundary as Parameters<typeof booleanPointInPolygon>[1])))
    .map((p) => ({ name: p.name, lon: p.lon, lat: p.lat, kind: p.kinds[0] ?? '' }));
}
