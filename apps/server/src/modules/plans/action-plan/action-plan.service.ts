import type { ActionPlan, actionPlanInput, actionPlanPatch, followUpInput, goalIndicatorInput, Indicator } from '@samhandling/contracts';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { ActionPlansTable, Database } from '../../../db/schema.ts';
import type { AuditContext } from '../indicator/indicator.service.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { agreementInSpace } from '../../agreements/agreement/agreement.service.ts';
import { addIndicator, getIndicator, indicatorsFor } from '../indicator/indicator.service.ts';
import { measuresOfActionPlan } from '../measure/measure.service.ts';
import { actionPlanActions, canManageActionPlans, canViewActionPlans } from './action-plan.policy.ts';
import { presentActionPlan, presentActionPlanSummary } from './action-plan.presenter.ts';
import {
  findActionPlan,
  findGoal,
  followUpsOf,
  goalsOf,
  insertActionPlan,
  insertFollowUp,
  listActionPlans,
  lockActionPlan,
  plansOfAgreement,
  replaceGoals,
  updateActionPlan,
  type ActionPlanRow,
} from './action-plan.repository.ts';

async function loadPlan(deps: Deps, ctx: RequestContext, id: string): Promise<{ row: ActionPlanRow; access: SpaceAccess }> {
  const row = await findActionPlan(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  return { row, access };
}

async function present(deps: Deps, ctx: RequestContext, row: ActionPlanRow, access: SpaceAccess): Promise<ActionPlan> {
  const goals = await goalsOf(deps.db, row.id);
  const agreement = row.agreement_id ? await agreementInSpace(deps.db, row.agreement_id, row.space_id) : null;
  const [goalIndicators, measures, followUps] = await Promise.all([
    indicatorsFor(deps.db, { measureIds: [], goalIds: goals.map((g) => g.id) }),
    measuresOfActionPlan(deps, ctx, row.id, access),
    followUpsOf(deps.db, row.id),
  ]);
  return { ...presentActionPlan(row, goals, goalIndicators, measures, followUps, actionPlanActions(ctx.actor, access)), agreementTitle: agreement?.title ?? null };
}

export async function getSpaceActionPlans(deps: Deps, ctx: RequestContext, spaceId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  const rows = await listActionPlans(deps.db, spaceId);
  return { items: rows.map(presentActionPlanSummary), allowedActions: canManageActionPlans(ctx.actor, access) ? (['create'] as const).slice() : [] };
}

export async function getActionPlan(deps: Deps, ctx: RequestContext, id: string): Promise<ActionPlan> {
  const { row, access } = await loadPlan(deps, ctx, id);
  return present(deps, ctx, row, access);
}

/** An action plan carries out an agreement of its own space only. */
async function checkAgreement(db: Kysely<Database>, spaceId: string, agreementId: string | null | undefined) {
  if (agreementId && !(await agreementInSpace(db, agreementId, spaceId))) throw invalid({ agreementId: 'validation.agreement_not_in_space' });
}

/** The action plans linked to an agreement (for the agreement's page). */
export async function actionPlansOfAgreement(db: Kysely<Database>, agreementId: string) {
  const rows = await plansOfAgreement(db, agreementId);
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status }));
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw invalid({ periodEnd: 'validation.end_before_start' });
}

/**
 * Writes a new action plan with its goals inside the caller's transaction, audited (the caller
 * has authorized). The demo seeds through it.
 */
export async function writeActionPlan(trx: Kysely<Database>, deps: Pick<Deps, 'clock'>, ctx: AuditContext, spaceId: string, input: z.output<typeof actionPlanInput> & { status?: ActionPlan['status'] }): Promise<string> {
  checkPeriod(input.periodStart, input.periodEnd);
  if (input.goals?.some((g) => g.id)) throw invalid({ goals: 'validation.goal_unknown' });
  await checkAgreement(trx, spaceId, input.agreementId);
  const now = deps.clock.now();
  const { id } = await insertActionPlan(trx, {
    space_id: spaceId,
    agreement_id: input.agreementId ?? null,
    title: input.title,
    summary: input.summary ?? '',
    status: input.status ?? 'draft',
    period_start: input.periodStart ?? null,
    period_end: input.periodEnd ?? null,
    links: JSON.stringify(input.links ?? []),
    created_by: actorId(ctx.actor),
    created_at: now,
    updated_at: now,
  });
  if (input.goals?.length) await replaceGoals(trx, id, input.goals);
  await recordAudit(trx, deps.clock, ctx, { action: 'action_plan.create', resourceType: 'action_plan', resourceId: id, details: { spaceId, ...(input.agreementId ? { agreementId: input.agreementId } : {}) } });
  return id;
}

export async function createActionPlan(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof actionPlanInput>): Promise<ActionPlan> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const id = await deps.db.transaction().execute((trx) => writeActionPlan(trx, deps, ctx, spaceId, input));
  return getActionPlan(deps, ctx, id);
}

export async function patchActionPlan(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof actionPlanPatch>): Promise<ActionPlan> {
  const { row, access } = await loadPlan(deps, ctx, id);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  if (Object.keys(input).length === 0) throw invalid({ _: 'validation.nothing_to_change' });
  checkPeriod(input.periodStart !== undefined ? input.periodStart : row.period_start, input.periodEnd !== undefined ? input.periodEnd : row.period_end);
  if (input.goals) {
    const existing = new Set((await goalsOf(deps.db, id)).map((g) => g.id));
    const problems: Record<string, string> = {};
    input.goals.forEach((g, i) => {
      if (g.id && !existing.has(g.id)) problems[`goals.${i}.id`] = 'validation.goal_unknown';
    });
    if (Object.keys(problems).length) throw invalid(problems);
  }
  await checkAgreement(deps.db, row.space_id, input.agreementId);
  await deps.db.transaction().execute(async (trx) => {
    const values: Updateable<ActionPlansTable> = { updated_at: deps.clock.now() };
    if (input.title !== undefined) values.title = input.title;
    if (input.summary !== undefined) values.summary = input.summary;
    if (input.agreementId !== undefined) values.agreement_id = input.agreementId;
    if (input.periodStart !== undefined) values.period_start = input.periodStart;
    if (input.periodEnd !== undefined) values.period_end = input.periodEnd;
    if (input.status !== undefined) values.status = input.status;
    if (input.links !== undefined) values.links = JSON.stringify(input.links);
    await updateActionPlan(trx, id, values);
    if (input.goals) await replaceGoals(trx, id, input.goals);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'action_plan.update',
      resourceType: 'action_plan',
      resourceId: id,
      details: { fields: Object.keys(input), ...(input.status && input.status !== row.status ? { from: row.status, to: input.status } : {}) },
    });
  });
  return getActionPlan(deps, ctx, id);
}

export async function createGoalIndicator(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof goalIndicatorInput>): Promise<Indicator> {
  const { row, access } = await loadPlan(deps, ctx, id);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const goal = await findGoal(deps.db, input.goalId);
  if (!goal || goal.plan_id !== id) throw invalid({ goalId: 'validation.goal_unknown' });
  const indicatorId = await deps.db.transaction().execute((trx) => addIndicator(trx, deps, ctx, { spaceId: row.space_id, goalId: goal.id }, input.indicator));
  return getIndicator(deps, indicatorId);
}

/**
 * The yearly follow-up: a text per measure and every indicator's latest value on or before the
 * date, frozen as the next version (earlier versions are kept and shown).
 */
export async function createFollowUp(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof followUpInput>): Promise<ActionPlan> {
  const { row, access } = await loadPlan(deps, ctx, id);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const plan = await present(deps, ctx, row, access);
  const texts = new Map(input.measures.map((m) => [m.measureId, m.text]));
  const problems: Record<string, string> = {};
  input.measures.forEach((m, i) => {
    if (!plan.measures.some((x) => x.id === m.measureId)) problems[`measures.${i}.measureId`] = 'validation.measure_unknown';
  });
  if (Object.keys(problems).length) throw invalid(problems);
  const indicators = [...plan.goals.flatMap((g) => g.indicators), ...plan.measures.flatMap((m) => m.indicators)];
  const content = {
    measures: plan.measures.map((m) => ({ measureId: m.id, title: m.title, status: m.status, text: texts.get(m.id) ?? '' })),
    indicators: indicators.map((i) => {
      const latest = i.values.filter((v) => v.measuredOn <= input.asOf).at(-1);
      return { indicatorId: i.id, name: i.name, unit: i.unit, value: latest?.value ?? null, measuredOn: latest?.measuredOn ?? null };
    }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await lockActionPlan(trx, id);
    const { id: followUpId } = await insertFollowUp(trx, {
      plan_id: id,
      as_of: input.asOf,
      summary: input.summary ?? '',
      content: JSON.stringify(content),
      created_by: actorId(ctx.actor),
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'action_plan.follow_up', resourceType: 'action_plan', resourceId: id, details: { followUpId, asOf: input.asOf } });
  });
  return getActionPlan(deps, ctx, id);
}
