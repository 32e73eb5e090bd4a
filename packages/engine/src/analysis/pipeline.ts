import type { RoutingGraph } from '../graph/graph.ts';
import type { ServiceType } from '../osm/services.ts';
import type { Profile } from '../profile.ts';
import { aggregate, diffAggregate, travelTimeOrder, updateTravelTimeOrder, type AggregateOptions, type TypeAggregate } from './aggregate.ts';
import { AccessibilityModel, type ScenarioInput, type ScenarioOutcome, type StraightLineOptions } from './model.ts';
import type { Origin, ServicePoint } from './points.ts';
import { resultTableOf, type ResultTable } from './result-table.ts';

/**
 * The analysis pipeline every caller shares (the CLI, the server's job and its scenario thread):
 * model (snap + compute), travel-time orders and aggregates; scenarios that re-aggregate only the
 * types they touch; the result table. Reading networks and files is the callers' I/O edge
 * (io/network.ts, io/result-csv.ts).
 */
export interface AnalysisInput {
  /** null: no road network, straight lines for everything. */
  graph: RoutingGraph | null;
  points: ServicePoint[];
  origins: Origin[];
  types: readonly ServiceType[];
  profile: Profile;
  straightLine?: StraightLineOptions;
  threads: number;
  aggregate?: AggregateOptions;
}

export interface Analysis {
  model: AccessibilityModel;
  input: AnalysisInput;
  /** Per type, origins ordered by travel time (kept so that scenarios re-aggregate by merging). */
  orders: Map<ServiceType, Uint32Array>;
  aggregates: Record<string, TypeAggregate>;
  timings: { snap: number; compute: number; aggregate: number };
}

export async function analyse(input: AnalysisInput): Promise<Analysis> {
  const model = await AccessibilityModel.create({
    graph: input.graph,
    // Points of other types are left out: they would only take label slots.
    points: input.points.filter((p) => input.types.includes(p.type)),
    origins: input.origins,
    types: input.types,
    profile: input.profile,
    ...(input.straightLine ? { straightLine: input.straightLine } : {}),
    threads: input.threads,
  });
  const t = performance.now();
  const orders = new Map(input.types.map((type) => [type, travelTimeOrder(model.results(type))]));
  const aggregates = Object.fromEntries(input.types.map((type) => [type, aggregate(model.results(type), input.origins, input.aggregate, orders.get(type))]));
  return { model, input, orders, aggregates, timings: { snap: model.timings.snap, compute: model.timings.compute, aggregate: performance.now() - t } };
}

/** What an analysis was made of, for summaries. */
export function analysisFacts(a: Analysis) {
  const { model, input } = a;
  const graph = model.graph;
  return {
    mode: graph ? ('road' as const) : ('straight_line' as const),
    population: input.origins.reduce((s, o) => s + o.population, 0),
    origins: input.origins.length,
    points: Object.fromEntries(input.types.map((t) => [t, model.points.filter((p, i) => p.type === t && model.active[i]).length])) as Record<string, number>,
    pointsWithoutRoad: model.pointsWithoutRoad().map((p) => ({ id: p.id, type: p.type })),
    network: graph ? { nodes: graph.n, edges: graph.m, segments: graph.segA.length, dropped: graph.dropped, hierarchy: !!graph.ch } : null,
  };
}

export type AnalysisFacts = ReturnType<typeof analysisFacts>;

export function resultTable(a: Analysis): ResultTable {
  return resultTableOf(a.model, a.input.types);
}

export interface ChangedOrigin {
  originId: string;
  type: ServiceType;
  before: { nearestId: string | null; seconds: number | null };
  after: { nearestId: string | null; seconds: number | null };
}

export interface ScenarioRun {
  outcome: ScenarioOutcome;
  changed: ChangedOrigin[];
  before: Record<string, TypeAggregate>;
  after: Record<string, TypeAggregate>;
  change: Record<string, TypeAggregate>;
  /** Repairing labels and results. */
  scenarioMs: number;
  /** Re-aggregating the types that changed. */
  aggregateMs: number;
  /** Undoes the scenario: the analysis is as before. */
  revert(): void;
}

/** Applies a scenario to the analysed model and re-aggregates what it changed; `revert` undoes it. */
export function applyScenario(a: Analysis, spec: ScenarioInput): ScenarioRun {
  const { model, input } = a;
  const t0 = performance.now();
  const outcome = model.applyScenario(spec);
  const t1 = performance.now();
  try {
    const after: Record<string, TypeAggregate> = { ...a.aggregates };
    const changed: ChangedOrigin[] = [];
    const idOf = (i: number): string | null => (i >= 0 ? model.points[i]!.id : null);
    const secondsOf = (s: number): number | null => (Number.isFinite(s) ? s : null);
    for (const t of input.types) {
      const ch = outcome.changes[t];
      if (!ch?.length) continue;
      const order = updateTravelTimeOrder(a.orders.get(t)!, model.results(t), ch.map((c) => c.origin));
      after[t] = aggregate(model.results(t), input.origins, input.aggregate, order);
      for (const c of ch)
        changed.push({
          originId: input.origins[c.origin]!.id,
          type: t,
          before: { nearestId: idOf(c.before.nearest), seconds: secondsOf(c.before.sec) },
          after: { nearestId: idOf(c.after.nearest), seconds: secondsOf(c.after.sec) },
        });
    }
    return {
      outcome,
      changed,
      before: a.aggregates,
      after,
      change: diffAggregate(a.aggregates, after),
      scenarioMs: t1 - t0,
      aggregateMs: performance.now() - t1,
      revert: () => outcome.revert(),
    };
  } catch (e) {
    outcome.revert();
    throw e;
  }
}
