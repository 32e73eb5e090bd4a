import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { findUserByEmail, findUserById } from '../user/user.repository.ts';
import { setPasswordFromReset } from '../user/user.service.ts';
import { assertNotThrottled, recordFailure } from './sign-in-throttle.ts';

const LIFETIME_MS = { magic_link: 15 * 60 * 1000, password_reset: 60 * 60 * 1000 } as const;
type LinkKind = keyof typeof LIFETIME_MS;

/**
 * Sends a one-time link by e-mail. Answers the same whether or not the account exists, so the
 * form cannot be used to find out who has an account. Requests count towards the sign-in limit.
 */
export async function requestEmailLink(deps: Deps, ctx: RequestContext, kind: LinkKind, email: string): Promise<void> {
  const now = deps.clock.now();
  await assertNotThrottled(deps.db, email, ctx.ip, now);
  await recordFailure(deps.db, email, ctx.ip, now);
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.disabled_at) return;
  const token = newToken();
  const path = kind === 'magic_link' ? '/sign-in/link' : '/reset-password';
  const link = `${ctx.origin}${path}#token=${token}`;
  const language = user.language;
  const prefix = kind === 'magic_link' ? 'mail.magic_link' : 'mail.password_reset';
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('auth_links')
      .values({
        kind,
        token_hash: hashToken(deps.config.sessionSecret, token),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + LIFETIME_MS[kind]),
      })
      .execute();
    await deps.mailer.enqueue(trx, {
      to: [user.email],
      subject: translate(language, `${prefix}.subject`),
      text: `${translate(language, `${prefix}.text`, { name: user.name, link })}\n\n${translate(language, 'mail.signature')}`,
    });
  });
  void deps.mailer.deliverPending();
}

/** Marks the link used in the same statement that checks it, so it works exactly once. */
async function consumeLink(deps: Deps, kind: LinkKind, token: string): Promise<string> {
  const now = deps.clock.now();
  const row = await deps.db
    .updateTable('auth_links')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(deps.config.sessionSecret, token))
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (!row) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
  const user = await findUserById(deps.db, row.user_id);
  if (!user || user.disabled_at) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
  return user.id;
}

export async function signInWithMagicLink(deps: Deps, ctx: RequestContext, token: string): Promise<NewSession> {
  const userId = await consumeLink(deps, 'magic_link', token);
  return startSession(deps, ctx, userId, 'magic_link');
}

export async function resetPassword(deps: Deps, ctx: RequestContext, token: string, password: string): Promise<NewSession> {
  const userId = await consumeLink(deps, 'password_reset', token);
  await setPasswordFromReset(deps, ctx.requestId, userId, password);
  return startSession(deps, ctx, userId, 'password_reset');
}
