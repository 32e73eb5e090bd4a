import type { NotificationKind } from '@samhandling/contracts';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs.ts';
import { translate } from '../../../platform/messages.ts';
import { claimPending, markSent, pendingKinds, recipients, spaceNames } from '../preference/preference.repository.ts';
import { modesOf } from '../preference/preference.service.ts';

export const DAILY_DIGEST_JOB = 'notifications.digest.daily';
export const WEEKLY_DIGEST_JOB = 'notifications.digest.weekly';

/** The UTC day a moment belongs to: one daily digest per day across all instances. */
export const digestDayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** The ISO week (e.g. 2026-W03) a moment belongs to: one weekly digest per week. */
export function digestWeekOf(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Sends every person whose chosen mode is `mode` one mail with what waited for them since their
 * last digest, and marks those notices sent in the same transaction as the mail enters the outbox:
 * a notice is in exactly one digest. The job itself is enqueued once per period across instances
 * (job_schedule), and the notices are claimed with SKIP LOCKED, so even two overlapping runs never
 * send one twice.
 */
export async function sendDigests(deps: Deps, mode: 'daily' | 'weekly'): Promise<{ digests: number; notices: number }> {
  const waiting = await pendingKinds(deps.db);
  const userIds = [...new Set(waiting.map((w) => w.user_id))];
  const modes = await modesOf(deps.db, userIds);
  let digests = 0;
  let notices = 0;
  for (const userId of userIds) {
    const kinds = waiting.filter((w) => w.user_id === userId && modes.get(userId)?.[w.kind as NotificationKind] === mode).map((w) => w.kind);
    if (!kinds.length) continue;
    const sent = await deps.db.transaction().execute(async (trx) => {
      const [person] = await recipients(trx, [userId]);
      const rows = await claimPending(trx, userId, kinds);
      if (!person || !rows.length) return 0;
      const names = new Map((await spaceNames(trx, [...new Set(rows.flatMap((r) => (r.space_id ? [r.space_id] : [])))])).map((s) => [s.id, s.name]));
      const t = (key: string, params?: Record<string, string | number>) => translate(person.language, key, params);
      const sections = [...new Set(rows.map((r) => r.kind))].map((kind) => {
        const items = rows.filter((r) => r.kind === kind).map((r) => `- ${r.space_id && names.has(r.space_id) ? `${names.get(r.space_id)}: ` : ''}${r.title}\n  ${r.link}`);
        return `${t(`mail.digest.kind.${kind}`)} (${items.length})\n${items.join('\n')}`;
      });
      await deps.mailer.enqueue(trx, {
        to: [person.email],
        subject: t(`mail.digest.${mode}.subject`, { count: rows.length }),
        text: `${t('mail.digest.intro', { count: rows.length })}\n\n${sections.join('\n\n')}\n\n${t('mail.digest.settings', { link: `${deps.config.publicUrl ?? `http://localhost:${deps.config.port}`}/me/notifications` })}\n\n${t('mail.signature')}`,
        language: person.language,
      });
      await markSent(trx, rows.map((r) => r.id), deps.clock.now());
      return rows.length;
    });
    if (sent) {
      digests += 1;
      notices += sent;
    }
  }
  if (digests) void deps.mailer.deliverPending();
  return { digests, notices };
}

export function digestJobHandler(deps: Deps, mode: 'daily' | 'weekly'): JobHandler {
  return async (job) => {
    await job.progress('digest', 0);
    return { ...(await sendDigests(deps, mode)) };
  };
}
