import { recordAudit } from '../../../platform/audit.ts';
import { DELETED_USER_NAME, type PersonalDataProvider } from '../../../platform/personal-data.ts';
import { signupsOfEmail, updateSignup } from './volunteer.repository.ts';

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
      await updateSignup(trx, row.id, { name: DELETED_USER_NAME, email: `${row.id}@deleted.invalid`, phone: null, ...(cancel ? { status: 'cancelled', cancelled_at: now } : {}) });
      await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.erase', resourceType: 'volunteer_signup', resourceId: row.id, details: { cancelled: cancel } });
    }
    return rows.length;
  },
};
