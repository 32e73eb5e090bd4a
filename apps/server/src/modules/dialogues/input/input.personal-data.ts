import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { DataSubject, PersonalDataProvider, Withdrawal } from '../../../platform/personal-data.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canSeeInputInternals, canTriageInput } from './input.policy.ts';
import { findInput, inputConsentSummary, inputsOfPerson, lockInputForConsent, updateInput } from './input.repository.ts';

/**
 * Withdraws the consent to be e-mailed about an input: the address is erased at once and the
 * withdrawal (when, by whom, how) is kept on the input. The input itself, which carries no
 * personal data once the address is gone, stays on its public timeline. Withdrawing twice
 * changes nothing. Answers false when the input does not exist.
 */
export async function withdrawInputNoticeConsent(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, id: string, how: Withdrawal): Promise<boolean> {
  const row = await lockInputForConsent(trx, id);
  if (!row) return false;
  if (row.notice_consent_withdrawn_at || !row.submitter_email) return true;
  await updateInput(trx, id, {
    submitter_email: null,
    notice_consent_withdrawn_at: how.at,
    notice_consent_withdrawn_by: how.by,
    notice_consent_withdrawal_method: how.method,
  });
  await recordAudit(trx, deps.clock, ctx, { action: 'input.consent_withdraw', resourceType: 'input', resourceId: id, details: { spaceId: row.space_id, method: how.method } });
  return true;
}

/** A leader of the input's space may withdraw on the submitter's behalf (e.g. asked by phone). */
export async function assertMayWithdrawInputConsent(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await findInput(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canSeeInputInternals(ctx.actor, access)) throw notFound();
  if (!canTriageInput(ctx.actor, access)) throw forbidden();
}

/** What the consent page shows about an input before the person withdraws (no personal data). */
export async function describeInputConsent(deps: Deps, id: string) {
  const row = await inputConsentSummary(deps.db, id);
  if (!row) return undefined;
  return { title: `#${row.number}`, spaceName: row.space_name, withdrawnAt: row.notice_consent_withdrawn_at?.toISOString() ?? null, active: Boolean(row.has_email) };
}

export const inputPersonalData: PersonalDataProvider = {
  key: 'inputs',
  async collect(deps: Deps, subject: DataSubject) {
    return (await inputsOfPerson(deps.db, subject.userId, subject.email)).map((row) => ({
      id: row.id,
      space: { id: row.space_id, name: row.space_name },
      number: row.number,
      text: row.text,
      kind: row.kind,
      status: row.status,
      source: row.source,
      role: row.entered_by === subject.userId ? 'entered_for_someone' : 'submitter',
      noticeEmail: row.submitter_email,
      submitterSector: row.submitter_sector,
      submitterAgeGroup: row.submitter_age_group,
      createdAt: row.created_at.toISOString(),
      noticeConsentWithdrawnAt: row.notice_consent_withdrawn_at?.toISOString() ?? null,
    }));
  },
  async erase(deps, trx, ctx, subject) {
    const rows = (await inputsOfPerson(trx, subject.userId, subject.email)).filter((r) => r.submitter_email);
    for (const row of rows) await withdrawInputNoticeConsent(deps, trx, ctx, row.id, { at: deps.clock.now(), by: null, method: 'account_deletion' });
    return rows.length;
  },
};
