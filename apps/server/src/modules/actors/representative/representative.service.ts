import type { OrganisationRepresentative, RepresentativeAction, representativeClaim } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { canClaimRepresentation, canConfirmRepresentative, canRemoveRepresentative, canSeeClaim, type OrganisationAccess } from '../organisation/organisation.policy.ts';
import { loadOrganisationAccess } from '../organisation/organisation.service.ts';
import { presentRepresentative } from './representative.presenter.ts';
import { confirmClaim, deleteRepresentative, findRepresentative, insertClaim, listRepresentatives, stewardContacts, type RepresentativeRow } from './representative.repository.ts';

function actionsFor(ctx: RequestContext, access: OrganisationAccess, led: Set<string>, row: RepresentativeRow): RepresentativeAction[] {
  const actions: RepresentativeAction[] = [];
  if (row.status === 'pending' && canConfirmRepresentative(ctx.actor, access, led, row.user_id)) actions.push('confirm');
  if (canRemoveRepresentative(ctx.actor, access, led, { userId: row.user_id, status: row.status })) actions.push('remove');
  return actions;
}

/** Confirmed representatives to everyone signed in; a claim only to the claimant and those who may confirm it. */
export async function getRepresentatives(deps: Deps, ctx: RequestContext, organisationId: string): Promise<OrganisationRepresentative[]> {
  const { access, led } = await loadOrganisationAccess(deps, ctx, organisationId);
  const rows = await listRepresentatives(deps.db, organisationId);
  return rows
    .filter((row) => row.status === 'confirmed' || canSeeClaim(ctx.actor, access, led, row.user_id))
    .map((row) => presentRepresentative(row, ctx.actor, actionsFor(ctx, access, led, row)));
}

async function presentOne(deps: Deps, ctx: RequestContext, organisationId: string, userId: string) {
  const { access, led } = await loadOrganisationAccess(deps, ctx, organisationId);
  const row = await findRepresentative(deps.db, organisationId, userId);
  if (!row) throw notFound();
  return presentRepresentative(row, ctx.actor, actionsFor(ctx, access, led, row));
}

/** The signed-in person says they represent the organisation; it changes nothing until confirmed. */
export async function claimRepresentation(deps: Deps, ctx: RequestContext, organisationId: string, input: z.output<typeof representativeClaim>): Promise<OrganisationRepresentative> {
  const { row, access } = await loadOrganisationAccess(deps, ctx, organisationId);
  const userId = actorId(ctx.actor);
  if (!userId) throw forbidden();
  if (!canClaimRepresentation(ctx.actor, access)) throw new AppError('conflict', 'organisations.already_representative');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await insertClaim(trx, { organisationId, userId, role: input.role ?? '', now: deps.clock.now() }))) throw new AppError('conflict', 'organisations.already_representative');
    // Those who keep it (or the admins, when nobody does yet) hear of the claim.
    for (const contact of await stewardContacts(trx, organisationId)) {
      await deps.mailer.enqueue(trx, {
        to: [contact.email],
        subject: translate(contact.language, 'mail.representative_claim.subject', { organisation: row.name }),
        text: `${translate(contact.language, 'mail.representative_claim.text', { organisation: row.name, link: `${ctx.origin}/organisations/${organisationId}#representatives` })}\n\n${translate(contact.language, 'mail.signature')}`,
      });
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.represent_request', resourceType: 'organisation', resourceId: organisationId, details: { userId } });
  });
  return presentOne(deps, ctx, organisationId, userId);
}

/** Confirms a claim; the organisation hears of it at its contact address, so a false claim is noticed. */
export async function confirmRepresentative(deps: Deps, ctx: RequestContext, organisationId: string, userId: string): Promise<OrganisationRepresentative> {
  const { row, access, led } = await loadOrganisationAccess(deps, ctx, organisationId);
  const claim = await findRepresentative(deps.db, organisationId, userId);
  if (!claim || (claim.status === 'pending' && !canSeeClaim(ctx.actor, access, led, userId))) throw notFound();
  if (!canConfirmRepresentative(ctx.actor, access, led, userId)) throw forbidden();
  if (claim.status !== 'pending') throw new AppError('conflict', 'organisations.already_confirmed');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await confirmClaim(trx, organisationId, userId, actorId(ctx.actor), deps.clock.now()))) throw new AppError('conflict', 'organisations.already_confirmed');
    if (row.contact_email) {
      await deps.mailer.enqueue(trx, {
        to: [row.contact_email],
        subject: translate('sv', 'mail.representative_confirmed.subject', { organisation: row.name }),
        text: `${translate('sv', 'mail.representative_confirmed.text', { organisation: row.name, person: claim.name, link: `${ctx.origin}/organisations/${organisationId}#representatives` })}\n\n${translate('sv', 'mail.signature')}`,
      });
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.represent_confirm', resourceType: 'organisation', resourceId: organisationId, details: { userId } });
  });
  return presentOne(deps, ctx, organisationId, userId);
}

export async function removeRepresentative(deps: Deps, ctx: RequestContext, organisationId: string, userId: string): Promise<void> {
  const { access, led } = await loadOrganisationAccess(deps, ctx, organisationId);
  const claim = await findRepresentative(deps.db, organisationId, userId);
  if (!claim || (claim.status === 'pending' && !canSeeClaim(ctx.actor, access, led, userId))) throw notFound();
  if (!canRemoveRepresentative(ctx.actor, access, led, { userId, status: claim.status })) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteRepresentative(trx, organisationId, userId))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.represent_remove', resourceType: 'organisation', resourceId: organisationId, details: { userId, status: claim.status } });
  });
}
