import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PersonalDataProvider } from '../../../platform/personal-data.ts';
import { deletePreferencesAndNotificationsOf, notificationsOfUser, preferencesOf } from '../preference/preference.repository.ts';
import { deleteSuppression, suppressionOf } from '../unsubscribe/unsubscribe.repository.ts';
import { deleteFollowsByEmail, deleteFollowsOfUser, deleteUnconfirmedBefore, followsByEmail, followsOfUser } from './follow.repository.ts';

/** An e-mail follow never confirmed is forgotten after this many days. */
export const UNCONFIRMED_FOLLOW_DAYS = 7;

/** The retention rule (run by the daily retention job). */
export function eraseUnconfirmedFollows(trx: Kysely<Database>, now: Date): Promise<number> {
  return deleteUnconfirmedBefore(trx, new Date(now.getTime() - UNCONFIRMED_FOLLOW_DAYS * 86_400_000));
}

/**
 * What a person follows (by account or by e-mail address), how they chose to be notified, the
 * notices waiting for a digest, and whether the address unsubscribed from everything.
 * On erasure all of it goes.
 */
export const followPersonalData: PersonalDataProvider = {
  key: 'follows',
  async collect(deps, subject) {
    const [mine, byEmail, prefs, notices, suppressed] = await Promise.all([
      followsOfUser(deps.db, subject.userId),
      followsByEmail(deps.db, subject.email),
      preferencesOf(deps.db, [subject.userId]),
      notificationsOfUser(deps.db, subject.userId),
      suppressionOf(deps.db, subject.email),
    ]);
    return [
      ...mine.map((f) => ({ type: 'follow', kind: f.target_kind, targetId: f.target_id, createdAt: f.created_at.toISOString() })),
      ...byEmail.map((f) => ({ type: 'email_follow', kind: f.target_kind, targetId: f.target_id, email: f.email, confirmedAt: f.confirmed_at?.toISOString() ?? null, createdAt: f.created_at.toISOString() })),
      ...prefs.map((p) => ({ type: 'notification_preference', kind: p.kind, mode: p.mode })),
      ...notices.map((n) => ({ type: 'notification', kind: n.kind, title: n.title, link: n.link, createdAt: n.created_at.toISOString(), sentAt: n.sent_at?.toISOString() ?? null })),
      ...suppressed.map((s) => ({ type: 'unsubscribed_address', email: s.email, createdAt: s.created_at.toISOString() })),
    ];
  },
  async erase(_deps, trx, _ctx, subject) {
    let n = await deleteFollowsByEmail(trx, subject.email);
    n += await deleteFollowsOfUser(trx, subject.userId);
    n += await deletePreferencesAndNotificationsOf(trx, subject.userId);
    n += await deleteSuppression(trx, subject.email);
    return n;
  },
};
