import type { ServicePlan, planAdoptionInput, planConsultationInput } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { analysisFiguresFor } from './seams.ts';
import type { VersionSnapshot } from './service-plan.presenter.ts';
import { insertVersion, lockPlan, nextVersionNumber, updatePlan, type PlanRow } from './service-plan.repository.ts';
import { getPlan, loadManagedPlan, swedishToday, workingContent } from './service-plan.service.ts';

/**
 * A plan's life: draft → public consultation (a frozen version the public comments on) →
 * adopted (a frozen version with the decision body, date and minute reference). A new
 * revision goes back to draft; every version stays readable.
 */

/** The row is locked and its status checked again inside the transaction (two leaders at once). */
async function lockedStatus(trx: Kysely<Database>, id: string, allowed: PlanRow['status'][], messageKey: string) {
  const locked = await lockPlan(trx, id);
  if (!locked || !allowed.includes(locked.status)) throw new AppError('conflict', messageKey);
}

async function freeze(deps: Deps, ctx: RequestContext, row: PlanRow): Promise<VersionSnapshot> {
  const content = await workingContent(deps, ctx, row);
  const figures = row.analysis_id ? await analysisFiguresFor(deps, ctx, row.analysis_id, row.municipality_code) : null;
  return { ...content, analysisFigures: figures?.available ? figures : null };
}

export async function startConsultation(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof planConsultationInput>): Promise<ServicePlan> {
  const { row } = await loadManagedPlan(deps, ctx, id);
  if (row.status !== 'draft') throw new AppError('conflict', 'errors.plan_not_draft');
  if (input.endsOn < swedishToday(deps.clock.now())) throw invalid({ endsOn: 'validation.date_in_past' });
  const snapshot = await freeze(deps, ctx, row);
  await deps.db.transaction().execute(async (trx) => {
    await lockedStatus(trx, id, ['draft'], 'errors.plan_not_draft');
    const number = await nextVersionNumber(trx, id);
    await insertVersion(trx, {
      plan_id: id,
      number,
      status: 'consultation',
      title: row.title,
      period_start: row.period_start,
      period_end: row.period_end,
      content: JSON.stringify(snapshot),
      analysis_id: row.analysis_id,
      consultation_ends_on: input.endsOn,
      decision_body: null,
      decision_date: null,
      minute_reference: null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await updatePlan(trx, id, { status: 'consultation', consultation_ends_on: input.endsOn, updated_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.consultation', resourceType: 'service_plan', resourceId: id, details: { version: number, endsOn: input.endsOn } });
  });
  return getPlan(deps, ctx, id);
}

export async function adoptPlan(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof planAdoptionInput>): Promise<ServicePlan> {
  const { row, versions } = await loadManagedPlan(deps, ctx, id);
  if (row.status === 'adopted') throw new AppError('conflict', 'errors.plan_already_adopted');
  const consultations = versions.filter((v) => v.status === 'consultation');
  if (consultations.length === 0) throw new AppError('conflict', 'errors.plan_needs_consultation');
  const consultationStart = swedishToday(consultations.at(-1)!.created_at);
  if (input.decisionDate < consultationStart) throw invalid({ decisionDate: 'validation.decision_before_consultation' });
  const snapshot = await freeze(deps, ctx, row);
  await deps.db.transaction().execute(async (trx) => {
    await lockedStatus(trx, id, ['draft', 'consultation'], 'errors.plan_already_adopted');
    const number = await nextVersionNumber(trx, id);
    await insertVersion(trx, {
      plan_id: id,
      number,
      status: 'adopted',
      title: row.title,
      period_start: row.period_start,
      period_end: row.period_end,
      content: JSON.stringify(snapshot),
      analysis_id: row.analysis_id,
      consultation_ends_on: null,
      decision_body: input.decisionBody,
      decision_date: input.decisionDate,
      minute_reference: input.minuteReference,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await updatePlan(trx, id, { status: 'adopted', updated_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'service_plan.adopt',
      resourceType: 'service_plan',
      resourceId: id,
      details: { version: number, decisionBody: input.decisionBody, decisionDate: input.decisionDate, minuteReference: input.minuteReference },
    });
  });
  return getPlan(deps, ctx, id);
}

/** Back to a draft: ends a consultation early, or starts the next revision of an adopted plan. */
export async function revisePlan(deps: Deps, ctx: RequestContext, id: string): Promise<ServicePlan> {
  const { row } = await loadManagedPlan(deps, ctx, id);
  if (row.status === 'draft') throw new AppError('conflict', 'errors.plan_already_draft');
  await deps.db.transaction().execute(async (trx) => {
    await lockedStatus(trx, id, ['consultation', 'adopted'], 'errors.plan_already_draft');
    await updatePlan(trx, id, { status: 'draft', updated_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.revise', resourceType: 'service_plan', resourceId: id, details: { from: row.status } });
  });
  return getPlan(deps, ctx, id);
}
