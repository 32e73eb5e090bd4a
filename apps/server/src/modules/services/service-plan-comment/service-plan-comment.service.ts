import type { PlanComment, planCommentInput, planCommentModeration } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { consumeRateLimits } from '../../../platform/rate-limit.ts';
import { anonymousPlanCommentsRule } from '../../dialogues/input/input-throttle.ts';
import { getLocalities } from '../../geography/locality/locality.service.ts';
import { canManagePlan } from '../service-plan/service-plan.policy.ts';
import { loadPlan } from '../service-plan/service-plan.service.ts';
import { presentComment } from './service-plan-comment.presenter.ts';
import { findComment, insertComment, latestConsultationVersion, listComments, updateComment } from './service-plan-comment.repository.ts';

/**
 * The public consultation: anyone who can see the plan comments on the version out for
 * consultation; comments wait for a leader to publish (or reject) them, and the public sees the
 * published ones with their date and the municipality's answer.
 */
export async function getComments(deps: Deps, ctx: RequestContext, planId: string): Promise<PlanComment[]> {
  const { access } = await loadPlan(deps, ctx, planId);
  const moderator = canManagePlan(ctx.actor, access);
  const rows = await listComments(deps.db, planId, !moderator);
  return rows.map((row) => presentComment(row, moderator ? ['moderate'] : []));
}

export async function addComment(deps: Deps, ctx: RequestContext, planId: string, input: z.output<typeof planCommentInput>): Promise<PlanComment> {
  const { row, access } = await loadPlan(deps, ctx, planId);
  if (row.status !== 'consultation') throw new AppError('conflict', 'errors.plan_not_in_consultation');
  if (!access.consultationOpen) throw new AppError('conflict', 'errors.plan_consultation_closed');
  if (input.localityId) {
    const localities = await getLocalities(deps, ctx, { municipality: row.municipality_code });
    if (!localities.some((l) => l.id === input.localityId)) throw invalid({ localityId: 'validation.locality_elsewhere' });
  }
  const version = await latestConsultationVersion(deps.db, planId);
  if (!version) throw new AppError('conflict', 'errors.plan_not_in_consultation');
  const id = await deps.db.transaction().execute(async (trx) => {
    // Without an account, one address may send only so many comments on a plan in a while (the
    // inputs' sliding window, counted in the database for all instances; the address is held
    // only hashed, inside the key).
    if (ctx.actor.kind === 'anonymous')
      await consumeRateLimits(trx, deps.config.sessionSecret, deps.clock.now(), [{ rule: anonymousPlanCommentsRule, key: `${planId}:${ctx.ip}` }]);
    const { id } = await insertComment(trx, {
      plan_id: planId,
      version_id: version.id,
      body: input.body,
      author_name: input.authorName?.trim() || null,
      locality_id: input.localityId ?? null,
      user_id: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
      moderated_at: null,
      moderated_by: null,
      response: null,
    });
    // No name or text in the log: only that a comment came in.
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.comment', resourceType: 'service_plan', resourceId: planId, details: { commentId: id, version: version.number } });
    return id;
  });
  const comment = await findComment(deps.db, planId, id);
  return presentComment(comment!, canManagePlan(ctx.actor, access) ? ['moderate'] : []);
}

export async function moderateComment(deps: Deps, ctx: RequestContext, planId: string, commentId: string, input: z.output<typeof planCommentModeration>): Promise<PlanComment> {
  const { access } = await loadPlan(deps, ctx, planId);
  const comment = await findComment(deps.db, planId, commentId);
  if (!comment) throw notFound();
  if (!canManagePlan(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await updateComment(trx, commentId, {
      status: input.status,
      ...(input.response !== undefined ? { response: input.response?.trim() || null } : {}),
      moderated_at: deps.clock.now(),
      moderated_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
    });
    await recordAudit(trx, deps.clock, ctx, { action: `service_plan.comment_${input.status}`, resourceType: 'service_plan', resourceId: planId, details: { commentId } });
  });
  return presentComment((await findComment(deps.db, planId, commentId))!, ['moderate']);
}
