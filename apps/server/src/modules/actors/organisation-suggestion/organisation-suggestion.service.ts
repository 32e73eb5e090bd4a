import { organisationPatch, type OrganisationSuggestion, type organisationSuggestionInput, type suggestionDecision } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { canDecideOrganisationSuggestions, canSuggestOrganisationChange } from '../organisation/organisation.policy.ts';
import { presentOrganisation } from '../organisation/organisation.presenter.ts';
import { applyOrganisationPatch, assertOrganisationPatch, loadOrganisationAccess } from '../organisation/organisation.service.ts';
import { stewardContacts } from '../representative/representative.repository.ts';
import { canDecideOrganisationSuggestion, canViewOrganisationSuggestion, organisationSuggestionActions } from './organisation-suggestion.policy.ts';
import { presentOrganisationSuggestion } from './organisation-suggestion.presenter.ts';
import {
  findOrganisationSuggestion,
  findProposerContact,
  insertOrganisationSuggestion,
  listOrganisationSuggestions,
  lockOrganisationSuggestion,
  updateOrganisationSuggestion,
  type OrganisationSuggestionRow,
} from './organisation-suggestion.repository.ts';

type Patch = z.output<typeof organisationPatch>;
const accessOf = (row: OrganisationSuggestionRow) => ({ proposedBy: row.proposed_by, status: row.status });

/** The fields a patch would really change (a suggestion of what is already there is no suggestion). */
function changedFields(current: Record<string, unknown>, patch: Patch): Patch {
  return Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && JSON.stringify(current[key] ?? null) !== JSON.stringify(value ?? null))) as Patch;
}

/**
 * A leader of a space the organisation takes part in proposes a change (like a suggestion to a
 * service point): checked like an edit, kept, and applied only when a representative of the
 * organisation — or a platform admin, while it has none — accepts it.
 */
export async function suggestOrganisationChange(deps: Deps, ctx: RequestContext, organisationId: string, input: z.output<typeof organisationSuggestionInput>): Promise<OrganisationSuggestion> {
  const { row, access, led } = await loadOrganisationAccess(deps, ctx, organisationId);
  if (!canSuggestOrganisationChange(ctx.actor, access, led)) throw forbidden();
  const changes = changedFields(presentOrganisation(row, []), input.changes);
  if (Object.keys(changes).length === 0) throw new AppError('invalid', 'organisations.suggestion_empty', { changes: 'organisations.suggestion_empty' });
  await assertOrganisationPatch(deps, row, changes);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertOrganisationSuggestion(trx, { organisation_id: organisationId, proposed_by: actorId(ctx.actor), proposed_at: deps.clock.now(), changes: JSON.stringify(changes), comment: input.comment });
    const link = `${ctx.origin}/organisations/${organisationId}#suggestions`;
    for (const contact of await stewardContacts(trx, organisationId)) {
      await deps.mailer.enqueue(trx, {
        to: [contact.email],
        subject: translate(contact.language, 'mail.organisation_suggestion.subject', { organisation: row.name }),
        text: `${translate(contact.language, 'mail.organisation_suggestion.text', { organisation: row.name, fields: Object.keys(changes).length, link })}\n\n${translate(contact.language, 'mail.signature')}`,
      });
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.suggest', resourceType: 'organisation_suggestion', resourceId: id, details: { organisationId, fields: Object.keys(changes) } });
    return id;
  });
  return getOrganisationSuggestion(deps, ctx, id);
}

export async function getOrganisationSuggestion(deps: Deps, ctx: RequestContext, id: string): Promise<OrganisationSuggestion> {
  const row = await findOrganisationSuggestion(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadOrganisationAccess(deps, ctx, row.organisation_id);
  if (!canViewOrganisationSuggestion(ctx.actor, access, accessOf(row))) throw notFound();
  return presentOrganisationSuggestion(row, ctx.actor, organisationSuggestionActions(ctx.actor, access, accessOf(row)));
}

/** All of an organisation's suggestions to those who keep it, one's own to anyone else. */
export async function getOrganisationSuggestions(deps: Deps, ctx: RequestContext, organisationId: string): Promise<OrganisationSuggestion[]> {
  const { access } = await loadOrganisationAccess(deps, ctx, organisationId);
  const decides = canDecideOrganisationSuggestions(ctx.actor, access);
  const userId = actorId(ctx.actor);
  if (!decides && !userId) return [];
  const rows = await listOrganisationSuggestions(deps.db, organisationId, decides ? null : userId);
  return rows.map((row) => presentOrganisationSuggestion(row, ctx.actor, organisationSuggestionActions(ctx.actor, access, accessOf(row))));
}

/** A representative (or an admin) accepts — the change is applied as an edit — or rejects; the proposer hears which. */
export async function decideOrganisationSuggestion(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof suggestionDecision>): Promise<OrganisationSuggestion> {
  const row = await findOrganisationSuggestion(deps.db, id);
  if (!row) throw notFound();
  const { row: organisation, access } = await loadOrganisationAccess(deps, ctx, row.organisation_id);
  if (!canViewOrganisationSuggestion(ctx.actor, access, accessOf(row))) throw notFound();
  if (!canDecideOrganisationSuggestions(ctx.actor, access)) throw forbidden();
  if (!canDecideOrganisationSuggestion(ctx.actor, access, accessOf(row))) throw new AppError('conflict', 'organisations.suggestion_decided');
  const patch = organisationPatch.parse(row.changes);
  if (input.decision === 'accept') await assertOrganisationPatch(deps, organisation, patch);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockOrganisationSuggestion(trx, id);
    if (!locked || locked.status !== 'pending') throw new AppError('conflict', 'organisations.suggestion_decided');
    if (input.decision === 'accept') await applyOrganisationPatch(deps, trx, ctx, row.organisation_id, patch, { suggestionId: id });
    await updateOrganisationSuggestion(trx, id, { status: input.decision === 'accept' ? 'accepted' : 'rejected', decided_by: actorId(ctx.actor), decided_at: deps.clock.now(), decision_note: input.note });
    const proposer = row.proposed_by ? await findProposerContact(trx, row.proposed_by) : undefined;
    if (proposer) {
      const key = input.decision === 'accept' ? 'mail.organisation_suggestion_accepted' : 'mail.organisation_suggestion_rejected';
      await deps.mailer.enqueue(trx, {
        to: [proposer.email],
        subject: translate(proposer.language, `${key}.subject`, { organisation: row.organisation_name }),
        text: `${translate(proposer.language, `${key}.text`, { organisation: row.organisation_name, note: input.note || '–', link: `${ctx.origin}/organisations/${row.organisation_id}` })}\n\n${translate(proposer.language, 'mail.signature')}`,
      });
    }
    await recordAudit(trx, deps.clock, ctx, {
      action: input.decision === 'accept' ? 'organisation.accept_suggestion' : 'organisation.reject_suggestion',
      resourceType: 'organisation_suggestion',
      resourceId: id,
      details: { organisationId: row.organisation_id },
    });
  });
  return getOrganisationSuggestion(deps, ctx, id);
}
