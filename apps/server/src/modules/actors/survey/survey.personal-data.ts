import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { DataSubject, PersonalDataProvider, Withdrawal } from '../../../platform/personal-data.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { findRecipientForConsent, lockRecipientForConsent, markRecipientWithdrawn, surveyInvitationsTo } from './survey.repository.ts';

/**
 * A contact person asks not to be e-mailed about a mapping survey again: their address is erased
 * from the invitation and no reminder goes out. The organisation's answers (about organisations,
 * not people) stay. Withdrawing twice changes nothing; false when the invitation does not exist.
 */
export async function withdrawSurveyConsent(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, id: string, how: Withdrawal): Promise<boolean> {
  const row = await lockRecipientForConsent(trx, id);
  if (!row) return false;
  if (row.consent_withdrawn_at) return true;
  await markRecipientWithdrawn(trx, id, how);
  await recordAudit(trx, deps.clock, ctx, { action: 'survey.consent_withdraw', resourceType: 'survey', resourceId: row.survey_id, details: { recipientId: id, method: how.method } });
  return true;
}

/** The space's leaders (who sent the survey) may withdraw on the contact's behalf. */
export async function assertMayWithdrawSurveyConsent(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await findRecipientForConsent(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canLeadSpace(ctx.actor, access)) throw access.role ? forbidden() : notFound();
}

export async function describeSurveyConsent(deps: Deps, id: string) {
  const row = await findRecipientForConsent(deps.db, id);
  if (!row) return undefined;
  return { title: row.title, spaceName: row.space_name, withdrawnAt: row.consent_withdrawn_at?.toISOString() ?? null, active: row.consent_withdrawn_at === null };
}

export const surveyPersonalData: PersonalDataProvider = {
  key: 'surveyInvitations',
  async collect(deps: Deps, subject: DataSubject) {
    return (await surveyInvitationsTo(deps.db, subject.email)).map((r) => ({
      id: r.id,
      survey: r.title,
      spaceId: r.space_id,
      organisation: r.organisation_name,
      email: r.email,
      sentAt: r.sent_at.toISOString(),
      remindedAt: r.reminded_at?.toISOString() ?? null,
      respondedAt: r.responded_at?.toISOString() ?? null,
      consentWithdrawnAt: r.consent_withdrawn_at?.toISOString() ?? null,
    }));
  },
  async erase(deps, trx, ctx, subject) {
    const rows = await surveyInvitationsTo(trx, subject.email);
    for (const row of rows) await withdrawSurveyConsent(deps, trx, ctx, row.id, { at: deps.clock.now(), by: null, method: 'account_deletion' });
    return rows.length;
  },
};
