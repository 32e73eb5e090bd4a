import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { DELETED_USER_NAME, type DataSubject, type PersonalDataProvider, type Withdrawal } from '../../../platform/personal-data.ts';
import { notFound } from '../../../platform/errors.ts';
import { canSeeRegistrations } from '../event/event.policy.ts';
import { findEvent, lockEvent } from '../event/event.repository.ts';
import { getEventForActor } from '../event/event.service.ts';
import { promoteWaitlisted } from './registration.service.ts';
import { eraseAnswersOfEventsEndedBefore, findRegistration, lockRegistration, registrationsOfPerson, updateRegistration, type RegistrationRow } from './registration.repository.ts';

/**
 * Withdraws the consent a registration was given with: from now on nothing uses the person's
 * data. A registration for an event still to come is cancelled (its seat goes to the waitlist);
 * the name, e-mail, organisation and the diet and accessibility answers are erased; the
 * registration stays as an anonymous row in the event's figures, with the withdrawal beside it.
 * Withdrawing twice changes nothing. Answers false when the registration does not exist.
 */
export async function withdrawRegistrationConsent(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, id: string, how: Withdrawal): Promise<boolean> {
  const found = await findRegistration(trx, id);
  if (!found) return false;
  // The event first, then the registration: the order every registration change takes.
  const event = (await lockEvent(trx, found.event_id))!;
  const row = (await lockRegistration(trx, id))!;
  if (row.consent_withdrawn_at) return true;
  const upcoming = event.ends_at.getTime() > how.at.getTime();
  const cancel = upcoming && row.status !== 'cancelled';
  await updateRegistration(trx, id, {
    ...(cancel ? { status: 'cancelled', cancelled_at: how.at } : {}),
    user_id: null,
    name: DELETED_USER_NAME,
    // Unique per registration: one live address per event is enforced by a unique index.
    email: `${id}@deleted.invalid`,
    organisation_name: null,
    dietary_needs: null,
    accessibility_needs: null,
    consent_withdrawn_at: how.at,
    consent_withdrawn_by: how.by,
    consent_withdrawal_method: how.method,
  });
  await recordAudit(trx, deps.clock, ctx, {
    action: 'registration.consent_withdraw',
    resourceType: 'registration',
    resourceId: id,
    details: { eventId: event.id, method: how.method, cancelled: cancel },
  });
  if (cancel && row.status === 'confirmed') await promoteWaitlisted(deps, trx, ctx, event);
  return true;
}

/** The retention rule: diet and accessibility answers are deleted `days` after the event. */
export function eraseOldRegistrationAnswers(trx: Kysely<Database>, now: Date, days: number): Promise<number> {
  return eraseAnswersOfEventsEndedBefore(trx, new Date(now.getTime() - days * 86_400_000));
}

function presentForSubject(row: RegistrationRow & { event_title: string; event_starts_at: Date; event_ends_at: Date }) {
  return {
    id: row.id,
    event: { id: row.event_id, title: row.event_title, startsAt: row.event_starts_at.toISOString(), endsAt: row.event_ends_at.toISOString() },
    name: row.name,
    email: row.email,
    status: row.status,
    mode: row.mode,
    organisationName: row.organisation_name,
    sector: row.sector,
    ageGroup: row.age_group,
    dietaryNeeds: row.dietary_needs,
    accessibilityNeeds: row.accessibility_needs,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    consentWithdrawnAt: row.consent_withdrawn_at?.toISOString() ?? null,
  };
}

export const registrationPersonalData: PersonalDataProvider = {
  key: 'registrations',
  async collect(deps: Deps, subject: DataSubject) {
    return (await registrationsOfPerson(deps.db, subject.userId, subject.email)).map(presentForSubject);
  },
  async erase(deps, trx, ctx, subject) {
    const rows = await registrationsOfPerson(trx, subject.userId, subject.email);
    for (const row of rows) await withdrawRegistrationConsent(deps, trx, ctx, row.id, { at: deps.clock.now(), by: null, method: 'account_deletion' });
    return rows.length;
  },
};

/** A leader who may see the event's registrations may withdraw on the registrant's behalf. */
export async function assertMayWithdrawRegistrationConsent(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await findRegistration(deps.db, id);
  if (!row) throw notFound();
  const { access } = await getEventForActor(deps, ctx.actor, row.event_id);
  if (!canSeeRegistrations(ctx.actor, access)) throw notFound();
}

/** What the consent page shows about a registration before the person withdraws. */
export async function describeRegistrationConsent(deps: Deps, id: string) {
  const row = await findRegistration(deps.db, id);
  if (!row) return undefined;
  const event = await findEvent(deps.db, row.event_id);
  return {
    title: event?.title ?? '',
    spaceName: null,
    withdrawnAt: row.consent_withdrawn_at?.toISOString() ?? null,
    active: row.consent_withdrawn_at === null,
  };
}
