import { COVERAGE_KINDS, TARGET_CODES, goalOfTarget, type Coverage, type CoverageEntry } from '@samhandling/contracts';
import { isPlatformAdmin, type RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { writeCsv } from '../../../platform/csv.ts';
import { eventCoverage } from '../../dialogues/event/event.service.ts';
import { inputCoverage } from '../../dialogues/input/input.service.ts';
import { initiativeCoverage } from '../../alliances/initiative/initiative.service.ts';
import { getCounties } from '../../geography/county/county.service.ts';
import { getMunicipalities, getMunicipality } from '../../geography/municipality/municipality.service.ts';
import { libraryCoverage } from '../../library/item/library-item.service.ts';
import { modelCoverage } from '../../models/model/model.service.ts';
import { measureCoverage } from '../../plans/measure/measure.service.ts';
import { loadSpaceAccess, spacesVisibleTo } from '../../spaces/space/space.service.ts';
import { localTargetCoverage } from '../local-target/local-target.service.ts';
import { getTargets } from '../target/target.service.ts';
import type { CoverageScope, CoverageSource } from './coverage-scope.ts';

/**
 * Every module whose things carry goals and targets adds ONE line here (and one function in its
 * own service): docs/adr/0015-agenda2030-coverage-sources.md.
 */
const SOURCES: CoverageSource[] = [eventCoverage, inputCoverage, localTargetCoverage, libraryCoverage, measureCoverage, initiativeCoverage, modelCoverage];

type ScopeName = Coverage['scope'];

async function build(deps: Deps, scope: CoverageScope, name: ScopeName): Promise<Coverage> {
  const entries = (await Promise.all(SOURCES.map((source) => source(deps, scope)))).flat();
  entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'sv'));
  const count = (matching: CoverageEntry[]) => {
    const counts: Record<string, number> = {};
    for (const entry of matching) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    return { total: matching.length, counts };
  };
  const goals = Array.from({ length: 17 }, (_, i) => i + 1).map((goal) => ({
    goal,
    ...count(entries.filter((e) => e.goals.includes(goal))),
    targets: TARGET_CODES.filter((code) => goalOfTarget(code) === goal).map((target) => ({ target, ...count(entries.filter((e) => e.targets.includes(target))) })),
  }));
  return { scope: name, goals, entries };
}

export async function getSpaceCoverage(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Coverage> {
  const { row, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const member = access.role !== null || isPlatformAdmin(ctx.actor);
  return build(deps, { spaceIds: [spaceId], memberSpaceIds: member ? [spaceId] : [], municipalityCodes: null, now: deps.clock.now() }, { kind: 'space', id: spaceId, name: row.name });
}

export async function getMunicipalityCoverage(deps: Deps, ctx: RequestContext, code: string): Promise<Coverage> {
  const municipality = await getMunicipality(deps, code);
  const spaces = await spacesVisibleTo(deps, ctx.actor);
  return build(deps, { spaceIds: spaces.viewable, memberSpaceIds: spaces.member, municipalityCodes: [code], now: deps.clock.now() }, { kind: 'municipality', id: code, name: municipality.name });
}

export async function getCountyCoverage(deps: Deps, ctx: RequestContext, code: string): Promise<Coverage> {
  const county = (await getCounties(deps)).find((c) => c.code === code);
  if (!county) throw notFound();
  const codes = (await getMunicipalities(deps, code)).map((m) => m.code);
  const spaces = await spacesVisibleTo(deps, ctx.actor);
  return build(deps, { spaceIds: spaces.viewable, memberSpaceIds: spaces.member, municipalityCodes: codes, now: deps.clock.now() }, { kind: 'county', id: code, name: county.name });
}

/** One row per goal and per target: counts per kind of activity, with the label in Swedish. */
export function coverageToCsv(coverage: Coverage): string {
  const labels = new Map(getTargets().map((t) => [t.target, t.labelSv]));
  const rows = coverage.goals.flatMap((goal) => [
    ['goal', String(goal.goal), '', ...COVERAGE_KINDS.map((k) => goal.counts[k] ?? 0), goal.total],
    ...goal.targets.map((t) => ['target', t.target, labels.get(t.target) ?? '', ...COVERAGE_KINDS.map((k) => t.counts[k] ?? 0), t.total]),
  ]);
  return writeCsv(['level', 'code', 'label_sv', ...COVERAGE_KINDS, 'total'], rows);
}
