import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../../db/schema.ts';
import { anonymous, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { consumeRateLimits } from '../../../platform/rate-limit.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { findUserByEmail, findUserById } from '../user/user.repository.ts';
import { setPasswordFromReset } from '../user/user.service.ts';
import { deleteUnusedAuthLinks, findLiveAuthLink, insertAuthLink, useAuthLink, type LinkKind } from './auth-link.repository.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { LINK_MAILS_PER_ACCOUNT, LINK_MAILS_PER_ADDRESS, UNLOCK_MAILS } from './sign-in-throttle.ts';

const LIFETIME_MS: Record<LinkKind, number> = { magic_link: 15 * 60 * 1000, password_reset: 60 * 60 * 1000, unlock: 24 * 60 * 60 * 1000 };
const PATH: Record<LinkKind, string> = { magic_link: '/sign-in/link', password_reset: '/reset-password', unlock: '/sign-in/unlock' };
const MAIL: Record<LinkKind, string> = { magic_link: 'mail.magic_link', password_reset: 'mail.password_reset', unlock: 'mail.unlock' };

/**
 * Issues a one-time link of `kind` for the account and queues its mail, inside the caller's
 * transaction. The account's earlier unused links of the same kind stop working: one live link each.
 */
export async function issueLink(trx: Kysely<Database>, deps: Deps, ctx: Pick<RequestContext, 'origin'>, user: UserRow, kind: LinkKind): Promise<void> {
  const now = deps.clock.now();
  const token = newToken();
  await deleteUnusedAuthLinks(trx, user.id, kind);
  await insertAuthLink(trx, { kind, tokenHash: hashToken(deps.config.sessionSecret, token), userId: user.id, now, expiresAt: new Date(now.getTime() + LIFETIME_MS[kind]) });
  const link = `${ctx.origin}${PATH[kind]}#token=${token}`;
  await deps.mailer.enqueue(trx, {
    to: [user.email],
    subject: translate(user.language, `${MAIL[kind]}.subject`),
    text: `${translate(user.language, `${MAIL[kind]}.text`, { name: user.name, link })}\n\n${translate(user.language, 'mail.signature')}`,
    essential: true,
    language: user.language,
  });
}

/**
 * Sends a magic link or a password-reset link by e-mail. Answers the same whether or not the
 * account exists, so the form cannot be used to find out who has an account: the limits count
 * the requested address and the client address alike for every address, and refuse (429) alike.
 * Requests never count as failed sign-ins, so they cannot lock anyone out.
 */
export async function requestEmailLink(deps: Deps, ctx: RequestContext, kind: 'magic_link' | 'password_reset', email: string): Promise<void> {
  const now = deps.clock.now();
  const account = email.toLowerCase();
  const user = await findUserByEmail(deps.db, account);
  await deps.db.transaction().execute(async (trx) => {
    await consumeRateLimits(
      trx,
      deps.config.sessionSecret,
      now,
      [
        { rule: LINK_MAILS_PER_ADDRESS, key: ctx.ip },
        { rule: LINK_MAILS_PER_ACCOUNT, key: account },
      ],
      'errors.link_mails_rate_limited',
    );
    if (!user || user.disabled_at) return;
    await issueLink(trx, deps, ctx, user, kind);
  });
  void deps.mailer.deliverPending();
}

const linkInvalid = () => new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });

/** Uses up the link; answers its account, which must still be active. */
async function consumeLink(deps: Deps, kind: LinkKind, token: string): Promise<string> {
  const row = await useAuthLink(deps.db, kind, hashToken(deps.config.sessionSecret, token), deps.clock.now());
  if (!row) throw linkInvalid();
  const user = await findUserById(deps.db, row.user_id);
  if (!user || user.disabled_at) throw linkInvalid();
  return user.id;
}

export async function signInWithMagicLink(deps: Deps, ctx: RequestContext, token: string): Promise<NewSession> {
  const userId = await consumeLink(deps, 'magic_link', token);
  return startSession(deps, ctx, userId, 'magic_link');
}

/**
 * Sets a new password by a reset link. The password is checked before the link is used, so a
 * refused password leaves the link working; setting it ends every session, token and link.
 */
export async function resetPassword(deps: Deps, ctx: RequestContext, token: string, password: string): Promise<NewSession> {
  const live = await findLiveAuthLink(deps.db, 'password_reset', hashToken(deps.config.sessionSecret, token), deps.clock.now());
  const owner = live ? await findUserById(deps.db, live.user_id) : undefined;
  if (!owner || owner.disabled_at) throw linkInvalid();
  assertAcceptablePassword(password, owner.email, 'password');
  const userId = await consumeLink(deps, 'password_reset', token);
  await setPasswordFromReset(deps, ctx.requestId, userId, password);
  return startSession(deps, ctx, userId, 'password_reset');
}

/** The lock's mail to the owner: at most once per account per UNLOCK_MAILS window; otherwise nothing. */
export async function sendUnlockLink(deps: Deps, ctx: RequestContext, user: UserRow): Promise<void> {
  const sent = await deps.db.transaction().execute(async (trx) => {
    try {
      await consumeRateLimits(trx, deps.config.sessionSecret, deps.clock.now(), [{ rule: UNLOCK_MAILS, key: user.id }]);
    } catch (error) {
      if (error instanceof AppError && error.code === 'rate_limited') return false;
      throw error;
    }
    await issueLink(trx, deps, ctx, user, 'unlock');
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
      actorId: user.id,
      action: 'user.sign_in_locked',
      resourceType: 'user',
      resourceId: user.id,
    });
    return true;
  });
  if (sent) void deps.mailer.deliverPending();
}

/**
 * Uses an unlock link: the browser that opens it becomes known to the account, so it may sign in
 * with the password while the account is locked. It does not sign in by itself.
 */
export async function useUnlockLink(deps: Deps, ctx: RequestContext, token: string): Promise<string> {
  const userId = await consumeLink(deps, 'unlock', token);
  await recordAudit(deps.db, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
    actorId: userId,
    action: 'user.unlock_browser',
    resourceType: 'user',
    resourceId: userId,
  });
  return userId;
}
