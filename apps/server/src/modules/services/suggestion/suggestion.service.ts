import { servicePointPatch, type Suggestion, type suggestionDecision, type suggestionInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { notifySpaceLeaders } from '../../notifications/preference/preference.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canDecideSuggestions, canSuggestServicePointChange } from '../service-point/service-point.policy.ts';
import { pointFieldsOf, type PointFields } from '../service-point/service-point.presenter.ts';
import { recordPointChange } from '../service-point/service-point.repository.ts';
import { applyPointPatch, assertPointRules, diffOf, loadServicePoint } from '../service-point/service-point.service.ts';
import { canDecideSuggestion, canViewSuggestion, suggestionActions } from './suggestion.policy.ts';
import { presentSuggestion } from './suggestion.presenter.ts';
import { findSuggestion, findUserContact, insertSuggestion, listSuggestionsOfPoint, listSuggestionsOfSpace, lockSuggestion, updateSuggestion, type SuggestionRow } from './suggestion.repository.ts';

const accessOf = (row: SuggestionRow) => ({ proposedBy: row.proposed_by, status: row.status });

/**
 * Anyone signed in who sees the space may propose a change to a point (the shop owner knows
 * the new opening hours first). The proposal is checked like an edit, kept with the point's
 * history, and changes nothing until a leader accepts it.
 */
export async function suggestChange(deps: Deps, ctx: RequestContext, pointId: string, input: z.output<typeof suggestionInput>): Promise<Suggestion> {
  const { row, access } = await loadServicePoint(deps, ctx.actor, pointId);
  if (!canSuggestServicePointChange(ctx.actor, access)) throw forbidden();
  const before = pointFieldsOf(row);
  const diff = diffOf(before, input.changes);
  if (Object.keys(diff).length === 0) throw new AppError('invalid', 'servicePoints.suggestion_empty', { changes: 'servicePoints.suggestion_empty' });
  const after = { ...before, ...Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])) } as PointFields;
  await assertPointRules(deps.db, after, new Set(Object.keys(diff)));
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertSuggestion(trx, { point_id: pointId, proposed_by: actorId(ctx.actor), proposed_at: now, changes: JSON.stringify(input.changes), comment: input.comment });
    await recordPointChange(trx, { point_id: pointId, at: now, actor_id: actorId(ctx.actor), kind: 'suggested', changes: JSON.stringify(diff), suggestion_id: id, note: input.comment });
    // The leaders hear of it as each chose (at once by default; a digest or nothing if they said so).
    const link = `${ctx.origin}/service-points/${pointId}#suggestions`;
    await notifySpaceLeaders(
      deps,
      trx,
      row.space_id,
      {
        kind: 'new_suggestion',
        spaceId: row.space_id,
        title: row.name,
        link,
        subject: (language) => translate(language, 'mail.service_point_suggestion.subject', { point: row.name }),
        text: (language) => translate(language, 'mail.service_point_suggestion.text', { point: row.name, fields: Object.keys(diff).length, link }),
      },
      actorId(ctx.actor),
    );
    await recordAudit(trx, deps.clock, ctx, { action: 'service_point.suggest', resourceType: 'service_point_suggestion', resourceId: id, details: { pointId, fields: Object.keys(diff) } });
    return id;
  });
  return getSuggestion(deps, ctx, id);
}

export async function getSuggestion(deps: Deps, ctx: RequestContext, id: string): Promise<Suggestion> {
  const row = await findSuggestion(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewSuggestion(ctx.actor, access, accessOf(row))) throw notFound();
  return presentSuggestion(row, ctx.actor, suggestionActions(ctx.actor, access, accessOf(row)));
}

/** A point's suggestions: all of them to its leaders, the caller's own to anyone else. */
export async function getPointSuggestions(deps: Deps, ctx: RequestContext, pointId: string): Promise<Suggestion[]> {
  const { access } = await loadServicePoint(deps, ctx.actor, pointId);
  const leads = canDecideSuggestions(ctx.actor, access);
  if (!leads && ctx.actor.kind !== 'user') return [];
  const rows = await listSuggestionsOfPoint(deps.db, pointId, leads ? null : actorId(ctx.actor));
  return rows.map((row) => presentSuggestion(row, ctx.actor, suggestionActions(ctx.actor, access, accessOf(row))));
}

/** The space's suggestions waiting for a decision (for its leaders). */
export async function getSpaceSuggestions(deps: Deps, ctx: RequestContext, spaceId: string, status: 'pending' | 'accepted' | 'rejected' | undefined): Promise<Suggestion[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canDecideSuggestions(ctx.actor, access)) throw forbidden();
  const rows = await listSuggestionsOfSpace(deps.db, spaceId, status);
  return rows.map((row) => presentSuggestion(row, ctx.actor, suggestionActions(ctx.actor, access, accessOf(row))));
}

/**
 * A leader accepts (the change is applied, as an edit would be) or rejects (the point stays as
 * it is). Both decisions go into the point's history beside the suggestion itself.
 */
export async function decideSuggestion(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof suggestionDecision>): Promise<Suggestion> {
  const row = await findSuggestion(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewSuggestion(ctx.actor, access, accessOf(row))) throw notFound();
  if (!canDecideSuggestions(ctx.actor, access)) throw forbidden();
  if (!canDecideSuggestion(ctx.actor, access, accessOf(row))) throw new AppError('conflict', 'servicePoints.suggestion_decided');
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockSuggestion(trx, id);
    if (!locked || locked.status !== 'pending') throw new AppError('conflict', 'servicePoints.suggestion_decided');
    const now = deps.clock.now();
    if (input.decision === 'accept') {
      await applyPointPatch(deps, trx, ctx, row.point_id, servicePointPatch.parse(row.changes), 'suggestion_accepted', { suggestionId: id, note: input.note });
    } else {
      await recordPointChange(trx, { point_id: row.point_id, at: now, actor_id: actorId(ctx.actor), kind: 'suggestion_rejected', changes: JSON.stringify({}), suggestion_id: id, note: input.note });
      await recordAudit(trx, deps.clock, ctx, { action: 'service_point.reject_suggestion', resourceType: 'service_point_suggestion', resourceId: id, details: { pointId: row.point_id } });
    }
    await updateSuggestion(trx, id, { status: input.decision === 'accept' ? 'accepted' : 'rejected', decided_by: actorId(ctx.actor), decided_at: now, decision_note: input.note });
    // The proposer hears the decision.
    const proposer = row.proposed_by ? await findUserContact(trx, row.proposed_by) : undefined;
    if (proposer) {
      const key = input.decision === 'accept' ? 'mail.service_point_suggestion_accepted' : 'mail.service_point_suggestion_rejected';
      await deps.mailer.enqueue(trx, {
        to: [proposer.email],
        subject: translate(proposer.language, `${key}.subject`, { point: row.point_name }),
        text: `${translate(proposer.language, `${key}.text`, { point: row.point_name, note: input.note || '–', link: `${ctx.origin}/service-points/${row.point_id}` })}\n\n${translate(proposer.language, 'mail.signature')}`,
      });
    }
  });
  return getSuggestion(deps, ctx, id);
}
