import { notificationKind, type NotificationKind, type NotificationMode } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { deletePending, insertNotifications, leaderIdsOf, preferencesOf, recipients, upsertPreference } from './preference.repository.ts';

/**
 * What a person hears of when they chose nothing: new inputs in a daily digest (a busy space gets
 * many), the rest at once (a suggestion waits for an answer; news and an input's progress are
 * what one follows for).
 */
export const DEFAULT_MODES: Record<NotificationKind, NotificationMode> = {
  new_input: 'daily',
  new_suggestion: 'immediate',
  news: 'immediate',
  input_update: 'immediate',
};

export async function modesOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, Record<NotificationKind, NotificationMode>>> {
  const rows = await preferencesOf(db, userIds);
  const out = new Map(userIds.map((id) => [id, { ...DEFAULT_MODES }]));
  for (const row of rows) {
    const modes = out.get(row.user_id);
    if (modes && (notificationKind.options as string[]).includes(row.kind)) modes[row.kind as NotificationKind] = row.mode;
  }
  return out;
}

export async function notificationPreferencesOf(deps: Deps, userId: string): Promise<Record<NotificationKind, NotificationMode>> {
  return (await modesOf(deps.db, [userId])).get(userId)!;
}

/** Saves the person's choices (PATCH /api/me) inside the caller's transaction. */
export async function saveNotificationPreferences(
  deps: Deps,
  trx: Kysely<Database>,
  ctx: Pick<RequestContext, 'actor' | 'requestId'>,
  userId: string,
  choices: Partial<Record<NotificationKind, NotificationMode>>,
): Promise<void> {
  const kinds = Object.keys(choices) as NotificationKind[];
  if (!kinds.length) return;
  for (const kind of kinds) await upsertPreference(trx, userId, kind, choices[kind]!);
  // What waited for a digest of a kind now heard of at once, or not at all, is dropped.
  await deletePending(
    trx,
    userId,
    kinds.filter((k) => choices[k] === 'immediate' || choices[k] === 'none'),
  );
  await recordAudit(trx, deps.clock, ctx, { action: 'notifications.preferences', resourceType: 'user', resourceId: userId, details: { choices } });
}

/** One notice: its kind, the space it is about, a title for a digest's list and a link; the mail of its own when sent at once. */
export interface Notice {
  kind: NotificationKind;
  spaceId: string | null;
  title: string;
  link: string;
  subject(language: Language): string;
  text(language: Language): string;
}

/**
 * Tells each user of the notice as they chose: a mail now (in the caller's transaction, through
 * the outbox), a row for their next daily or weekly digest, or nothing. Answers how many got a
 * mail now and how many will see it in a digest.
 */
export async function notifyUsers(deps: Deps, trx: Kysely<Database>, userIds: string[], notice: Notice): Promise<{ mailed: number; digested: number }> {
  const unique = [...new Set(userIds)];
  const people = await recipients(trx, unique);
  const modes = await modesOf(trx, unique);
  const now = deps.clock.now();
  const later: Parameters<typeof insertNotifications>[1] = [];
  let mailed = 0;
  for (const person of people) {
    const mode = modes.get(person.id)![notice.kind];
    if (mode === 'none') continue;
    if (mode === 'immediate') {
      await deps.mailer.enqueue(trx, {
        to: [person.email],
        subject: notice.subject(person.language),
        text: `${notice.text(person.language)}\n\n${translate(person.language, 'mail.signature')}`,
        unsubscribe: { s: 'kind', user: person.id, kind: notice.kind },
        language: person.language,
      });
      mailed += 1;
    } else {
      later.push({ user_id: person.id, kind: notice.kind, space_id: notice.spaceId, title: notice.title, link: notice.link, created_at: now });
    }
  }
  await insertNotifications(trx, later);
  return { mailed, digested: later.length };
}

/** Tells the space's admins and facilitators (except the one who acted) of something new in it. */
export async function notifySpaceLeaders(deps: Deps, trx: Kysely<Database>, spaceId: string, notice: Notice, exceptUserId: string | null = null) {
  const leaders = (await leaderIdsOf(trx, spaceId)).filter((id) => id !== exceptUserId);
  return notifyUsers(deps, trx, leaders, notice);
}
