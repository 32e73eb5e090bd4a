import type { AgreementAccession, agreementAccessionDecision, agreementAccessionInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { organisationsByIds } from '../../actors/organisation/organisation.service.ts';
import { canApplyToJoin, canManageAgreement } from '../agreement/agreement.policy.ts';
import { addParty, loadAgreement } from '../agreement/agreement.service.ts';
import { decideAccession, findAccession, insertAccession, listAccessions, pendingAccession, type AccessionRow } from './agreement-accession.repository.ts';

function present(row: AccessionRow): AgreementAccession {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    applicantName: row.applicant_name,
    motivation: row.motivation,
    status: row.status,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/** The space's leaders see every application; anyone else their own. */
export async function getAccessions(deps: Deps, ctx: RequestContext, agreementId: string): Promise<AgreementAccession[]> {
  const { access } = await loadAgreement(deps, ctx, agreementId, { publicPage: true });
  const rows = await listAccessions(deps.db, agreementId);
  const me = actorId(ctx.actor);
  return rows.filter((r) => canManageAgreement(ctx.actor, access) || (me !== null && r.applicant_id === me)).map(present);
}

export async function applyToJoin(deps: Deps, ctx: RequestContext, agreementId: string, input: z.output<typeof agreementAccessionInput>): Promise<AgreementAccession> {
  const { row, parts, access } = await loadAgreement(deps, ctx, agreementId, { publicPage: true });
  if (ctx.actor.kind !== 'user') throw forbidden();
  if (row.status !== 'in_force') throw new AppError('conflict', 'agreements.not_in_force');
  if (!canApplyToJoin(ctx.actor, access)) throw forbidden();
  const [organisation] = await organisationsByIds(deps, [input.organisationId]);
  if (!organisation) throw invalid({ organisationId: 'errors.not_found' });
  if (parts.parties.some((p) => p.organisation_id === input.organisationId)) throw new AppError('conflict', 'agreements.already_party', { organisationId: 'agreements.already_party' });
  const user = ctx.actor.user;
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await pendingAccession(trx, agreementId, input.organisationId)) throw new AppError('conflict', 'agreements.accession_pending', { organisationId: 'agreements.accession_pending' });
    const { id } = await insertAccession(trx, {
      agreement_id: agreementId,
      organisation_id: input.organisationId,
      applicant_id: user.id,
      applicant_name: user.name,
      motivation: input.motivation,
      reason: null,
      decided_by: null,
      decided_at: null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.accession_apply', resourceType: 'agreement', resourceId: agreementId, details: { accessionId: id, organisationId: input.organisationId } });
    return id;
  });
  return present((await findAccession(deps.db, id))!);
}

/** Approval makes the organisation a party (joined later), which then records its own adoption. */
export async function decideAccessionRequest(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementAccessionDecision>): Promise<AgreementAccession> {
  const accession = await findAccession(deps.db, id);
  if (!accession) throw notFound();
  const { row, access } = await loadAgreement(deps, ctx, accession.agreement_id, { publicPage: true });
  if (!canManageAgreement(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const decided = await decideAccession(trx, id, { status: input.decision, reason: input.decision === 'declined' ? (input.reason ?? null) : null, decidedBy: actorId(ctx.actor), at: deps.clock.now() });
    if (!decided) throw new AppError('conflict', 'agreements.accession_decided');
    if (input.decision === 'approved') await addParty(deps, ctx, row, { organisationId: accession.organisation_id, contactPersonId: null, role: 'party', acceded: true }, trx);
    await recordAudit(trx, deps.clock, ctx, { action: `agreement.accession_${input.decision}`, resourceType: 'agreement', resourceId: row.id, details: { accessionId: id, organisationId: accession.organisation_id } });
  });
  return present((await findAccession(deps.db, id))!);
}
