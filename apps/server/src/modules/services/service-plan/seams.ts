/**
 * Where the service plan meets modules that are built on other branches. Each function here is
 * the one place the plan asks another module for something; until that module exists it answers
 * "nothing yet" and the plan says so. Wire them to the other module's *service* (never its
 * repository) when it lands:
 *
 * - `serviceNeedsFor`   → the dialogues' inputs of type "service need" for the plan's municipality
 *                         (inputs module): id, title, locality name, status, date raised.
 * - `analysisFiguresFor`→ the analyses module's `GET /api/analyses/{id}` summary: population per
 *                         travel-time class per service type (`summary[type].classes[]`).
 * - `assertAnalysisUsable` / `assertScenariosUsable` → that the ids exist and the caller may see them;
 *                         until the analyses module exists any well-formed uuid is kept as given.
 * - `servicePointsFor`  → the service points of the municipality, drawn on the plan's map.
 */
import type { PlanAnalysisFigures, PlanNeed } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';

export interface PlanScope {
  spaceId: string;
  municipalityCode: string;
}

/** The needs raised in the villages (inputs of type "service need"); empty until inputs exist. */
export async function serviceNeedsFor(_deps: Deps, _ctx: RequestContext, _scope: PlanScope): Promise<PlanNeed[]> {
  return [];
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

/** The figures of the analysis the plan rests on; `available: false` with a reason until analyses exist. */
export async function analysisFiguresFor(_deps: Deps, _ctx: RequestContext, analysisId: string): Promise<PlanAnalysisFigures> {
  return { analysisId, available: false, reason: 'analyses_unavailable', straightLine: false, types: [] };
}

/** Refuses an analysis the caller may not use; keeps any uuid until the analyses module exists. */
export async function assertAnalysisUsable(_deps: Deps, _ctx: RequestContext, _scope: PlanScope, _analysisId: string): Promise<void> {}

/** Refuses scenarios the caller may not use (field → message key); none until analyses exist. */
export async function assertScenariosUsable(_deps: Deps, _ctx: RequestContext, _scope: PlanScope, _scenarioIds: { field: string; id: string }[]): Promise<void> {}

export interface MapPoint {
  name: string;
  lon: number;
  lat: number;
  kind: string;
}

/** Service points of the municipality for the plan's map; none until the service points module exists. */
export async function servicePointsFor(_deps: Deps, _ctx: RequestContext, _scope: PlanScope): Promise<MapPoint[]> {
  return [];
}
