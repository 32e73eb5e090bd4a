import { recordAudit } from '../../../platform/audit.ts';
import { DELETED_USER_NAME, type PersonalDataProvider } from '../../../platform/personal-data.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { deletePendingBefore, signupsOfEmail, signupsWithContactsEndedBefore, updateSignup } from './volunteer.repository.ts';

const DELETED_EMAIL = '@deleted.invalid';
/** A sign-up never confirmed by its link is removed after this many days. */
export const UNCONFIRMED_SIGNUP_DAYS = 7;
const DAY = 86_400_000;

/** The contact details of one sign-up, gone; the row (and its hours) stays for the figures. */
const anonymised = (id: string) => ({ name: DELETED_USER_NAME, email: `${id}${DELETED_EMAIL}`, phone: null });

/**
 * Retention: `days` after a call's day its volunteers' names, e-mail addresses and phone numbers go
 * (the hours given stay, so "more volunteers" can still be counted); sign-ups never confirmed go
 * after a week. Returns how many sign-ups lost their contacts or were removed.
 */
export async function eraseOldVolunteerContacts(trx: Kysely<Database>, now: Date, days: number): Promise<number> {
  const old = await signupsWithContactsEndedBefore(trx, new Date(now.getTime() - days * DAY), DELETED_EMAIL);
  for (const { id } of old) await updateSignup(trx, id, anonymised(id));
  const pending = await deletePendingBefore(trx, new Date(now.getTime() - UNCONFIRMED_SIGNUP_DAYS * DAY));
  return old.length + Number(pending.numDeletedRows);
}

/**
 * Volunteers' sign-ups (name, e-mail, phone, hours given), found by the e-mail address. Erasure
 * cancels a sign-up for a call still to come and anonymises the row; the hours stay in the figures.
 */
export const volunteerPersonalData: PersonalDataProvider = {
  key: 'volunteerSignups',
  async collect(deps, subject) {
    return (await signupsOfEmail(deps.db, subject.email)).map((row) => ({
      id: row.id,
      call: { title: row.call_title, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() },
      name: row.name,
      email: row.email,
      phone: row.phone,
      status: row.status,
      hours: row.hours === null ? null : Number(row.hours),
      createdAt: row.created_at.toISOString(),
      confirmedAt: row.confirmed_at?.toISOString() ?? null,
      cancelledAt: row.cancelled_at?.toISOString() ?? null,
    }));
  },
  async erase(deps, trx, ctx, subject) {
    const rows = await signupsOfEmail(trx, subject.email);
    const now = deps.clock.now();
    for (const row of rows) {
      const cancel = row.status !== 'cancelled' && row.ends_at.getTime() > now.getTime();
      await updateSignup(trx, row.id, { ...anonymised(row.id), ...(cancel ? { status: 'cancelled', cancelled_at: now } : {}) });
      await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.erase', resourceType: 'volunteer_signup', resourceId: row.id, details: { cancelled: cancel } });
    }
    return rows.length;
  },
};
