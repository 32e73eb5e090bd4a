import type { ActionPlan, ActionPlanAction, ActionPlanSummary, Indicator, Measure } from '@samhandling/contracts';
import type { ActionPlanRow, followUpsOf, goalsOf, listActionPlans } from './action-plan.repository.ts';

type GoalRow = Awaited<ReturnType<typeof goalsOf>>[number];
type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

export function presentActionPlanSummary(row: Awaited<ReturnType<typeof listActionPlans>>[number]): ActionPlanSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    agreementId: row.agreement_id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    measureCount: Number(row.measure_count ?? 0),
    measuresDone: Number(row.measures_done ?? 0),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentActionPlan(
  row: ActionPlanRow,
  goals: GoalRow[],
  goalIndicators: Indicator[],
  measures: Measure[],
  followUps: FollowUpRow[],
  allowedActions: ActionPlanAction[],
): ActionPlan {
  return {
    ...presentActionPlanSummary({ ...row, measure_count: measures.length, measures_done: measures.filter((m) => m.status === 'done').length }),
    goals: goals.map((g) => ({ id: g.id, title: g.title, description: g.description, indicators: goalIndicators.filter((i) => i.goalId === g.id) })),
    links: row.links,
    measures,
    followUps: followUps.map((f) => ({
      id: f.id,
      version: f.version,
      asOf: f.as_of,
      summary: f.summary,
      measures: f.content.measures,
      indicators: f.content.indicators,
      createdAt: f.created_at.toISOString(),
    })),
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}
