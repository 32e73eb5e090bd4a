import type { Figure } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { basicMetrics } from '../../actors/network/metrics.ts';
import { compareWithSnapshot, getSnapshots, getSpaceNetwork } from '../../actors/network/network.service.ts';
import { figureCache } from './figure-cache.ts';
import { getSpaceProcesses } from '../../processes/process/process.service.ts';
import {
  agreementsByStatus,
  attendance,
  eventsByKind,
  indicatorRows,
  feedbackAnswerCount,
  groupRows,
  inputsByStatus,
  latestAnalysis,
  medianDaysToAnswer,
  mediansDaysToAnswer,
  measuresByStatus,
  feedbackAnswerCounts,
  type Filter,
} from './dashboard.repository.ts';

/** Where a dashboard looks: the spaces the caller sees, and within them all data or some municipalities'. */
export interface Scope extends Filter {
  kind: 'space' | 'municipality' | 'county';
  /** How many municipalities the scope covers (the whole for "formed in 8 of 8"). */
  municipalityCount: number;
  /** The space's id, for links and space-only figures. */
  spaceId: string | null;
}

export type FigureValue = Omit<Figure, 'key' | 'unit'>;

/**
 * The figure registry: one function per figure, each computing it from the platform's own data.
 * A module that lands later (agreements, action plans, measures, indicators) adds its figures here
 * with one entry each, and they appear on every dashboard, in the comparison and as goal figures.
 */
export interface FigureDefinition {
  key: string;
  unit: Figure['unit'];
  /** Whether the figure makes sense per municipality (the comparison table's columns). */
  comparable: boolean;
  compute(deps: Deps, ctx: RequestContext, scope: Scope): Promise<FigureValue>;
  /**
   * The comparison's column at once: given a scope over several municipalities, a function giving
   * for each of them exactly what `compute` gives for that municipality alone (tested so), read in
   * one grouped query instead of one per municipality. Without it, the comparison calls `compute`.
   */
  computeByMunicipality?(deps: Deps, ctx: RequestContext, scope: Scope): Promise<(code: string) => FigureValue>;
  /** Computed afresh on every request: it reads tables outside the cache's watched group (figure-cache.ts). */
  live?: boolean;
}

const only = (scope: Scope, code: string): Scope => ({ ...scope, municipalityCodes: [code], municipalityCount: 1 });
const ofMunicipality = <R extends { municipality_code: string | null }>(rows: R[], code: string) =>
  rows.filter((r) => r.municipality_code === code);

const link = (scope: Scope, path: string) => (scope.spaceId ? `/spaces/${scope.spaceId}/${path}` : null);
const value = (v: number | null, extra: Partial<FigureValue> = {}): FigureValue => ({
  value: v,
  total: null,
  baseline: null,
  breakdowns: [],
  link: null,
  note: null,
  ...extra,
});
const items = (record: Record<string, number>) => Object.entries(record).map(([key, value]) => ({ key, value }));
const add = (record: Record<string, number>, key: string, n: number) => {
  record[key] = (record[key] ?? 0) + n;
};

type GroupRow = Awaited<ReturnType<typeof groupRows>>[number];
const BALANCE = ['public', 'private', 'civil_society', 'academia', 'youth'] as const;
const complete = (g: GroupRow) => BALANCE.every((k) => g[k] >= (g.targets[k] ?? 0));

function workingGroups(groups: GroupRow[], scope: Scope): FigureValue {
  const actual: Record<string, number> = {};
  const target: Record<string, number> = {};
  for (const g of groups)
    for (const k of BALANCE) {
      add(actual, k, g[k]);
      add(target, k, g.targets[k] ?? 0);
    }
  return value(groups.length, {
    breakdowns: [
      { dimension: 'composition', items: BALANCE.map((k) => ({ key: k, value: actual[k] ?? 0, target: target[k] ?? 0 })) },
      { dimension: 'complete', items: [{ key: 'complete', value: groups.filter(complete).length }] },
    ],
    link: link(scope, 'groups'),
  });
}

function completeGroups(all: GroupRow[], scope: Scope): FigureValue {
  const groups = all.filter((g) => g.kind === 'local' && g.municipality_code && complete(g));
  return value(new Set(groups.map((g) => g.municipality_code)).size, { total: scope.municipalityCount, link: link(scope, 'groups') });
}

function eventsHeld(rows: Awaited<ReturnType<typeof eventsByKind>>, scope: Scope): FigureValue {
  return value(
    rows.reduce((n, r) => n + r.n, 0),
    { breakdowns: [{ dimension: 'kind', items: rows.map((r) => ({ key: r.kind, value: r.n })) }], link: link(scope, 'events') },
  );
}

function participants(rows: Awaited<ReturnType<typeof attendance>>, scope: Scope): FigureValue {
  const sector: Record<string, number> = {};
  const age: Record<string, number> = {};
  const mode: Record<string, number> = {};
  for (const r of rows) {
    add(sector, r.sector ?? 'unknown', r.n);
    add(age, r.age_group ?? 'unknown', r.n);
    add(mode, r.mode, r.n);
  }
  return value(
    rows.reduce((n, r) => n + r.n, 0),
    {
      breakdowns: [
        { dimension: 'sector', items: items(sector) },
        { dimension: 'age_group', items: items(age) },
        { dimension: 'mode', items: items(mode) },
      ],
      link: link(scope, 'events'),
    },
  );
}

function inputCounts(rows: Awaited<ReturnType<typeof inputsByStatus>>, scope: Scope): FigureValue {
  const order = ['received', 'being_assessed', 'planned', 'done', 'declined'];
  return value(
    rows.reduce((n, r) => n + r.n, 0),
    {
      breakdowns: [{ dimension: 'status', items: order.map((key) => ({ key, value: rows.find((r) => r.status === key)?.n ?? 0 })) }],
      link: link(scope, 'inputs'),
    },
  );
}

/** The processes of the scope's spaces, in its municipalities. */
async function processesOf(deps: Deps, ctx: RequestContext, scope: Scope) {
  const out = [];
  for (const spaceId of scope.spaceIds)
    for (const p of await getSpaceProcesses(deps, ctx, spaceId))
      if (!scope.municipalityCodes || scope.municipalityCodes.includes(p.municipalityCode)) out.push(p);
  return out;
}

function processSteps(processes: { stepsDone: number; stepsTotal: number; overdue: number }[], scope: Scope): FigureValue {
  let done = 0;
  let total = 0;
  let overdue = 0;
  for (const p of processes) {
    done += p.stepsDone;
    total += p.stepsTotal;
    overdue += p.overdue;
  }
  return value(done, {
    total,
    breakdowns: [{ dimension: 'steps', items: [{ key: 'overdue', value: overdue }] }],
    link: link(scope, 'processes'),
  });
}

const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'paused', 'cancelled'] as const;

function measureCounts(rows: Awaited<ReturnType<typeof measuresByStatus>>, scope: Scope): FigureValue {
  return value(
    rows.reduce((n, r) => n + r.n, 0),
    {
      breakdowns: [
        { dimension: 'status', items: MEASURE_STATUSES.map((key) => ({ key, value: rows.find((r) => r.status === key)?.n ?? 0 })) },
      ],
      link: link(scope, 'action-plans'),
    },
  );
}

type IndicatorRow = Awaited<ReturnType<typeof indicatorRows>>[number];
export type IndicatorStanding = 'on_track' | 'behind' | 'no_value';

const dayOf = (d: string | Date) => Date.parse(typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Where an indicator stands on its latest value: on track when it has reached its target (at or
 * above it, at or below for one that should decrease), or when it has come at least as far from
 * its baseline toward the target as the time from the baseline date to the target date has run
 * by the day it was measured; behind otherwise; no value without a value or a target.
 */
export function indicatorStanding(
  i: Pick<IndicatorRow, 'baseline_value' | 'baseline_date' | 'target_value' | 'target_date' | 'direction' | 'latest_value' | 'latest_on'>,
): IndicatorStanding {
  if (i.latest_value === null || i.latest_value === undefined || i.target_value === null) return 'no_value';
  const latest = Number(i.latest_value);
  const target = i.target_value;
  const reached = i.direction === 'decrease' ? latest <= target : latest >= target;
  if (reached) return 'on_track';
  if (i.direction === 'maintain' || i.baseline_value === null || !i.baseline_date || !i.target_date || !i.latest_on) return 'behind';
  const span = dayOf(i.target_date) - dayOf(i.baseline_date);
  if (span <= 0 || target === i.baseline_value) return 'behind';
  const elapsed = Math.min(1, Math.max(0, (dayOf(i.latest_on) - dayOf(i.baseline_date)) / span));
  const progress = (latest - i.baseline_value) / (target - i.baseline_value);
  return progress >= elapsed ? 'on_track' : 'behind';
}

function indicatorProgress(rows: IndicatorRow[], scope: Scope): FigureValue {
  const standings = rows.map((r) => indicatorStanding(r));
  const count = (s: IndicatorStanding) => standings.filter((x) => x === s).length;
  return value(count('on_track'), {
    total: rows.length,
    breakdowns: [
      { dimension: 'standing', items: (['on_track', 'behind', 'no_value'] as const).map((key) => ({ key, value: count(key) })) },
      {
        dimension: 'indicator',
        items: rows
          .filter((r) => r.latest_value !== null && r.latest_value !== undefined)
          .map((r) => ({
            key: r.unit ? `${r.name} (${r.unit})` : r.name,
            value: Number(r.latest_value),
            ...(r.target_value !== null ? { target: r.target_value } : {}),
          })),
      },
    ],
    link: link(scope, 'action-plans'),
  });
}

const AGREEMENT_STATUSES = ['draft', 'remiss', 'adoption', 'in_force', 'ended', 'replaced'] as const;

export const FIGURES: FigureDefinition[] = [
  {
    key: 'working_groups',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return workingGroups(await groupRows(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const groups = await groupRows(deps.db, scope);
      return (code) => workingGroups(ofMunicipality(groups, code), only(scope, code));
    },
  },
  {
    key: 'municipalities_with_complete_group',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return completeGroups(await groupRows(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const groups = await groupRows(deps.db, scope);
      return (code) => completeGroups(ofMunicipality(groups, code), only(scope, code));
    },
  },
  {
    key: 'events_held',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return eventsHeld(await eventsByKind(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const rows = await eventsByKind(deps.db, scope, true);
      return (code) => eventsHeld(ofMunicipality(rows, code), only(scope, code));
    },
  },
  {
    key: 'participants',
    unit: 'people',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return participants(await attendance(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const rows = await attendance(deps.db, scope, true);
      return (code) => participants(ofMunicipality(rows, code), only(scope, code));
    },
  },
  {
    key: 'inputs',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return inputCounts(await inputsByStatus(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const rows = await inputsByStatus(deps.db, scope, true);
      return (code) => inputCounts(ofMunicipality(rows, code), only(scope, code));
    },
  },
  {
    key: 'inputs_median_days_to_answer',
    unit: 'days',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return value(await medianDaysToAnswer(deps.db, scope), { link: link(scope, 'inputs') });
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const medians = await mediansDaysToAnswer(deps.db, scope);
      return (code) => value(medians.get(code) ?? null, { link: link(only(scope, code), 'inputs') });
    },
  },
  {
    key: 'process_steps_done',
    unit: 'count',
    comparable: true,
    async compute(deps, ctx, scope) {
      return processSteps(await processesOf(deps, ctx, scope), scope);
    },
    async computeByMunicipality(deps, ctx, scope) {
      const processes = await processesOf(deps, ctx, scope);
      return (code) =>
        processSteps(
          processes.filter((p) => p.municipalityCode === code),
          only(scope, code),
        );
    },
  },
  {
    key: 'feedback_answers',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return value(await feedbackAnswerCount(deps.db, scope), { link: link(scope, 'feedback') });
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const counts = await feedbackAnswerCounts(deps.db, scope);
      return (code) => value(counts.get(code) ?? 0, { link: link(only(scope, code), 'feedback') });
    },
  },
  {
    key: 'measures',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return measureCounts(await measuresByStatus(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const rows = await measuresByStatus(deps.db, scope, true);
      return (code) => measureCounts(ofMunicipality(rows, code), only(scope, code));
    },
  },
  {
    key: 'indicators_on_track',
    unit: 'count',
    comparable: true,
    async compute(deps, _ctx, scope) {
      return indicatorProgress(await indicatorRows(deps.db, scope), scope);
    },
    async computeByMunicipality(deps, _ctx, scope) {
      const rows = await indicatorRows(deps.db, scope);
      return (code) => indicatorProgress(ofMunicipality(rows, code), only(scope, code));
    },
  },
  {
    // Agreements belong to a space, not a municipality: on an area's dashboard, those of the spaces working there.
    key: 'agreements',
    unit: 'count',
    comparable: false,
    async compute(deps, _ctx, scope) {
      const rows = await agreementsByStatus(deps.db, scope);
      return value(
        rows.reduce((n, r) => n + r.n, 0),
        {
          breakdowns: [
            { dimension: 'status', items: AGREEMENT_STATUSES.map((key) => ({ key, value: rows.find((r) => r.status === key)?.n ?? 0 })) },
          ],
          link: link(scope, 'agreements'),
        },
      );
    },
  },
  {
    key: 'people_beyond_30_min_groceries',
    unit: 'people',
    comparable: true,
    async compute(deps, _ctx, scope) {
      const analysis = await latestAnalysis(deps.db, scope.spaceIds);
      if (!analysis?.summary) return value(null);
      // The analysis summary's per-type aggregate (contracts' typeAggregate): unreachable is people and origins.
      type Aggregate = { population: number; unreachable: { population: number }; classes: { fromMin: number; population: number }[] };
      const summary = analysis.summary as { types: Record<string, Aggregate>; byMunicipality: Record<string, Record<string, Aggregate>> };
      const perType: Record<string, Aggregate[]> = {};
      if (scope.municipalityCodes) {
        for (const code of scope.municipalityCodes)
          for (const [type, agg] of Object.entries(summary.byMunicipality?.[code] ?? {})) (perType[type] ??= []).push(agg);
      } else for (const [type, agg] of Object.entries(summary.types ?? {})) perType[type] = [agg];
      const beyond = (aggs: Aggregate[], min: number) =>
        aggs.reduce(
          (n, a) => n + a.unreachable.population + a.classes.filter((c) => c.fromMin >= min).reduce((m, c) => m + c.population, 0),
          0,
        );
      const breakdowns = [10, 20, 30].map((min) => ({
        dimension: `beyond_${min}`,
        items: Object.entries(perType).map(([type, aggs]) => ({ key: type, value: beyond(aggs, min) })),
      }));
      const groceries = perType.groceries;
      return value(groceries ? beyond(groceries, 30) : null, {
        total: groceries ? groceries.reduce((n, a) => n + a.population, 0) : null,
        breakdowns,
        link: `/spaces/${analysis.space_id}/analyses/${analysis.id}`,
        note: `${analysis.name}${analysis.mode === 'straight_line' ? ' (fågelvägen)' : ''}`,
      });
    },
  },
  {
    key: 'network_cross_sector_share',
    unit: 'share',
    comparable: false,
    live: true,
    async compute(deps, ctx, scope) {
      if (scope.kind !== 'space' || !scope.spaceId) return value(null);
      const snapshots = await getSnapshots(deps, ctx, scope.spaceId);
      const baseline = snapshots.at(-1);
      if (baseline) {
        const compared = await compareWithSnapshot(deps, ctx, scope.spaceId, baseline.id);
        return value(compared.crossSectorShare.after, {
          baseline: compared.crossSectorShare.before,
          link: link(scope, 'network'),
          note: baseline.name,
        });
      }
      // The share alone: no betweenness or communities (the network page computes those).
      const network = await getSpaceNetwork(deps, ctx, scope.spaceId, {});
      return value(basicMetrics(network.nodes, network.edges).crossSectorShare, { link: link(scope, 'network') });
    },
  },
];

export const figureByKey = new Map(FIGURES.map((f) => [f.key, f]));

export async function computeFigures(deps: Deps, ctx: RequestContext, scope: Scope, keys?: string[]): Promise<Figure[]> {
  const wanted = keys ? FIGURES.filter((f) => keys.includes(f.key)) : FIGURES;
  const cache = figureCache(deps, scope);
  return Promise.all(
    wanted.map(async (f) => ({
      key: f.key,
      unit: f.unit,
      ...(await (f.live ? f.compute(deps, ctx, scope) : cache.fill(f.key, () => f.compute(deps, ctx, scope)))),
    })),
  );
}

/**
 * The comparable figures' values per municipality of the scope: each figure's column in one
 * grouped computation where it has one, else municipality by municipality. By figure key, then code.
 */
export async function computeColumns(
  deps: Deps,
  ctx: RequestContext,
  scope: Scope,
  codes: string[],
): Promise<Map<string, Record<string, number | null>>> {
  const across: Scope = { ...scope, municipalityCodes: codes, municipalityCount: codes.length };
  const cache = figureCache(deps, across);
  const column = async (f: FigureDefinition): Promise<Record<string, number | null>> => {
    if (f.computeByMunicipality) {
      const at = await f.computeByMunicipality(deps, ctx, across);
      return Object.fromEntries(codes.map((code) => [code, at(code).value]));
    }
    const out: Record<string, number | null> = {};
    for (const code of codes) out[code] = (await f.compute(deps, ctx, { ...scope, municipalityCodes: [code], municipalityCount: 1 })).value;
    return out;
  };
  const comparable = FIGURES.filter((f) => f.comparable);
  const columns = await Promise.all(comparable.map((f) => (f.live ? column(f) : cache.fill(`column:${f.key}`, () => column(f)))));
  return new Map(comparable.map((f, i) => [f.key, columns[i]!]));
}
