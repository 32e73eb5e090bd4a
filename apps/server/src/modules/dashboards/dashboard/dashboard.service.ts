import type { Comparison, Dashboard, Figure, ProjectFacts, ProjectGoal, projectFactsInput, projectGoalInput, spinOffInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { writeCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { listSpaces, loadSpaceAccess } from '../../spaces/space/space.service.ts';
import {
  countyOf,
  deleteGoal,
  deleteSpinOff as removeSpinOff,
  factsOf,
  goalsOf,
  insertGoal,
  insertSpinOff,
  municipalitiesOf,
  spinOffsOf,
  updateGoal,
  updateSpinOff as rewriteSpinOff,
  upsertFacts,
} from './dashboard.repository.ts';
import { computeColumns, computeFigures, FIGURES, figureByKey, type Scope } from './figures.ts';

async function spaceScope(deps: Deps, ctx: RequestContext, spaceId: string) {
  const { row, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const scope: Scope = {
    kind: 'space',
    spaceIds: [spaceId],
    municipalityCodes: null,
    municipalityCount: row.municipality_codes.length,
    spaceId,
    now: deps.clock.now(),
  };
  return { row, access, scope };
}

async function goalsWithFigures(deps: Deps, ctx: RequestContext, scope: Scope, computed?: Figure[]): Promise<ProjectGoal[]> {
  const goals = await goalsOf(deps.db, scope.spaceId!);
  if (goals.length === 0) return [];
  const figures = computed ?? (await computeFigures(deps, ctx, scope, [...new Set(goals.map((g) => g.figure_key))]));
  return goals.map((g) => {
    const v = figures.find((f) => f.key === g.figure_key)?.value ?? null;
    return { id: g.id, title: g.title, figureKey: g.figure_key, target: g.target, value: v, progress: v === null || g.target <= 0 ? 0 : Math.min(1, v / g.target) };
  });
}

async function factsWithSpinOffs(deps: Deps, spaceId: string): Promise<ProjectFacts> {
  const [facts, spinOffs] = await Promise.all([factsOf(deps.db, spaceId), spinOffsOf(deps.db, spaceId)]);
  return {
    periodStart: facts?.period_start ?? null,
    periodEnd: facts?.period_end ?? null,
    budget: facts?.budget ?? null,
    coFinanciers: facts?.co_financiers ?? [],
    steeringGroup: facts?.steering_group ?? [],
    spinOffs: spinOffs.map((s) => ({ id: s.id, date: s.date, text: s.text, source: s.source })),
  };
}

export async function getSpaceDashboard(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Dashboard> {
  const { row, access, scope } = await spaceScope(deps, ctx, spaceId);
  const [figures, facts] = await Promise.all([computeFigures(deps, ctx, scope), factsWithSpinOffs(deps, spaceId)]);
  const goals = await goalsWithFigures(deps, ctx, scope, figures);
  return {
    scope: { kind: 'space', id: spaceId, name: row.name },
    figures,
    goals,
    facts,
    allowedActions: canLeadSpace(ctx.actor, access) ? ['view', 'manage'] : ['view'],
  };
}

/** The spaces the caller sees (not archived) that work in any of these municipalities. */
async function visibleSpacesIn(deps: Deps, ctx: RequestContext, codes: string[]): Promise<string[]> {
  return (await listSpaces(deps, ctx)).filter((s) => s.municipalityCodes.some((c) => codes.includes(c))).map((s) => s.id);
}

async function areaDashboard(deps: Deps, ctx: RequestContext, kind: 'municipality' | 'county', id: string, name: string, codes: string[]): Promise<Dashboard> {
  const scope: Scope = {
    kind,
    spaceIds: await visibleSpacesIn(deps, ctx, codes),
    municipalityCodes: codes,
    municipalityCount: codes.length,
    spaceId: null,
    now: deps.clock.now(),
  };
  return { scope: { kind, id, name }, figures: await computeFigures(deps, ctx, scope), goals: null, facts: null, allowedActions: ['view'] };
}

export async function getMunicipalityDashboard(deps: Deps, ctx: RequestContext, code: string): Promise<Dashboard> {
  const [municipality] = await municipalitiesOf(deps.db, [code]);
  if (!municipality) throw notFound();
  return areaDashboard(deps, ctx, 'municipality', code, municipality.name, [code]);
}

export async function getCountyDashboard(deps: Deps, ctx: RequestContext, code: string): Promise<Dashboard> {
  const county = await countyOf(deps.db, code);
  if (!county) throw notFound();
  const codes = (await municipalitiesOf(deps.db, null, code)).map((m) => m.code);
  return areaDashboard(deps, ctx, 'county', code, county.name, codes);
}

/** One row per municipality of the space, the same comparable figures in each. */
export async function getSpaceComparison(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Comparison> {
  const { row, scope } = await spaceScope(deps, ctx, spaceId);
  const keys = FIGURES.filter((f) => f.comparable).map((f) => f.key);
  const municipalities = await municipalitiesOf(deps.db, [...row.municipality_codes]);
  const columns = await computeColumns(deps, ctx, scope, municipalities.map((m) => m.code));
  const rows = municipalities.map((m) => ({ municipalityCode: m.code, municipalityName: m.name, values: Object.fromEntries(keys.map((k) => [k, columns.get(k)![m.code] ?? null])) }));
  return { figureKeys: keys, rows };
}

export function comparisonCsv(comparison: Comparison): string {
  return writeCsv(
    ['municipality_code', 'municipality', ...comparison.figureKeys],
    comparison.rows.map((r) => [r.municipalityCode, r.municipalityName, ...comparison.figureKeys.map((k) => r.values[k] ?? null)]),
  );
}

export async function getSpaceGoals(deps: Deps, ctx: RequestContext, spaceId: string): Promise<ProjectGoal[]> {
  const { scope } = await spaceScope(deps, ctx, spaceId);
  return goalsWithFigures(deps, ctx, scope);
}

async function lead(deps: Deps, ctx: RequestContext, spaceId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
}

export async function createSpaceGoal(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof projectGoalInput>): Promise<ProjectGoal> {
  await lead(deps, ctx, spaceId);
  if (!figureByKey.has(input.figureKey)) throw notFound();
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertGoal(trx, { space_id: spaceId, title: input.title, figure_key: input.figureKey, target: input.target, created_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'project_goal.create', resourceType: 'project_goal', resourceId: id, details: { spaceId, figureKey: input.figureKey } });
    return id;
  });
  return (await getSpaceGoals(deps, ctx, spaceId)).find((g) => g.id === id)!;
}

export async function updateSpaceGoal(deps: Deps, ctx: RequestContext, spaceId: string, goalId: string, input: z.output<typeof projectGoalInput>): Promise<ProjectGoal> {
  await lead(deps, ctx, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateGoal(trx, spaceId, goalId, { title: input.title, figure_key: input.figureKey, target: input.target }))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'project_goal.update', resourceType: 'project_goal', resourceId: goalId, details: { spaceId, figureKey: input.figureKey } });
  });
  return (await getSpaceGoals(deps, ctx, spaceId)).find((g) => g.id === goalId)!;
}

export async function deleteSpaceGoal(deps: Deps, ctx: RequestContext, spaceId: string, goalId: string): Promise<void> {
  await lead(deps, ctx, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteGoal(trx, spaceId, goalId))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'project_goal.delete', resourceType: 'project_goal', resourceId: goalId, details: { spaceId } });
  });
}

export async function putSpaceFacts(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof projectFactsInput>): Promise<ProjectFacts> {
  await lead(deps, ctx, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    await upsertFacts(trx, spaceId, {
      period_start: input.periodStart,
      period_end: input.periodEnd,
      budget: input.budget,
      co_financiers: JSON.stringify(input.coFinanciers),
      steering_group: JSON.stringify(input.steeringGroup),
      updated_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'project_facts.update', resourceType: 'space', resourceId: spaceId });
  });
  return factsWithSpinOffs(deps, spaceId);
}

export async function createSpinOff(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof spinOffInput>) {
  await lead(deps, ctx, spaceId);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertSpinOff(trx, {
      space_id: spaceId,
      date: input.date,
      text: input.text,
      source: input.source,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'spin_off.create', resourceType: 'spin_off_effect', resourceId: id, details: { spaceId } });
    return id;
  });
  return { id, date: input.date, text: input.text, source: input.source };
}

export async function updateSpinOff(deps: Deps, ctx: RequestContext, spaceId: string, spinOffId: string, input: z.output<typeof spinOffInput>) {
  await lead(deps, ctx, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await rewriteSpinOff(trx, spaceId, spinOffId, { date: input.date, text: input.text, source: input.source }))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'spin_off.update', resourceType: 'spin_off_effect', resourceId: spinOffId, details: { spaceId } });
  });
  return { id: spinOffId, date: input.date, text: input.text, source: input.source };
}

export async function deleteSpinOff(deps: Deps, ctx: RequestContext, spaceId: string, spinOffId: string): Promise<void> {
  await lead(deps, ctx, spaceId);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await removeSpinOff(trx, spaceId, spinOffId))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'spin_off.delete', resourceType: 'spin_off_effect', resourceId: spinOffId, details: { spaceId } });
  });
}
