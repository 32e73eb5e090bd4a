import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { consumeRateLimits } from '../../../platform/rate-limit.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { hashPassword } from '../auth/password.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { LINK_MAILS_PER_ACCOUNT, LINK_MAILS_PER_ADDRESS } from '../auth/sign-in-throttle.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { findUserByEmail } from '../user/user.repository.ts';
import { insertUser } from '../user/user.repository.ts';
import { deleteStaleSignups, insertSignup, takeSignup } from './signup.repository.ts';

/** A sign-up link works for a day. */
export const SIGNUP_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Whether the server's SIGNUP setting lets this address register itself. */
export function maySignUp(config: Deps['config'], email: string): boolean {
  const signup = config.signup ?? { mode: 'invite', domains: [] };
  if (signup.mode === 'open') return true;
  if (signup.mode === 'invite') return false;
  const domain = email.toLowerCase().split('@').pop() ?? '';
  return signup.domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/**
 * Someone joins: the address gets a link that confirms it (and makes the account). The answer is
 * the same whether or not the address already has an account, so the form cannot be used to find
 * out who is registered: an existing account's owner gets a mail saying so, with the sign-in page.
 */
export async function requestSignUp(deps: Deps, ctx: RequestContext, input: { email: string; name: string; password: string; language?: Language | undefined }): Promise<void> {
  const email = input.email.toLowerCase();
  if (!maySignUp(deps.config, email)) {
    const mode = deps.config.signup?.mode ?? 'invite';
    throw new AppError('forbidden', mode === 'domains' ? 'errors.signup_domain' : 'errors.signup_closed', { email: mode === 'domains' ? 'errors.signup_domain' : 'errors.signup_closed' });
  }
  assertAcceptablePassword(input.password, email, 'password');
  const language: Language = input.language ?? ctx.language;
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const existing = await findUserByEmail(deps.db, email);
  await deps.db.transaction().execute(async (trx) => {
    await consumeRateLimits(
      trx,
      deps.config.sessionSecret,
      now,
      [
        { rule: LINK_MAILS_PER_ADDRESS, key: ctx.ip },
        { rule: LINK_MAILS_PER_ACCOUNT, key: email },
      ],
      'errors.link_mails_rate_limited',
    );
    await deleteStaleSignups(trx, now, email);
    const signature = translate(language, 'mail.signature');
    if (existing) {
      await deps.mailer.enqueue(trx, {
        to: [email],
        subject: translate(language, 'mail.signup_exists.subject'),
        text: `${translate(language, 'mail.signup_exists.text', { name: existing.name, link: `${ctx.origin}/sign-in` })}\n\n${signature}`,
      });
      return;
    }
    const token = newToken();
    await insertSignup(trx, { email, name: input.name, passwordHash, language, tokenHash: hashToken(deps.config.sessionSecret, token), now, expiresAt: new Date(now.getTime() + SIGNUP_LIFETIME_MS) });
    await deps.mailer.enqueue(trx, {
      to: [email],
      subject: translate(language, 'mail.signup.subject'),
      text: `${translate(language, 'mail.signup.text', { name: input.name, link: `${ctx.origin}/sign-up/confirm#token=${token}` })}\n\n${signature}`,
    });
  });
  void deps.mailer.deliverPending();
}

/** The link from the sign-up mail: the address is confirmed, the account made, and the person signed in. */
export async function confirmSignUp(deps: Deps, ctx: RequestContext, token: string): Promise<NewSession> {
  const now = deps.clock.now();
  const userId = await deps.db.transaction().execute(async (trx) => {
    const signup = await takeSignup(trx, hashToken(deps.config.sessionSecret, token), now);
    if (!signup) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
    // Someone made the account another way meanwhile (an invitation): the link has done its work.
    if (await findUserByEmail(trx, signup.email)) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
    const row = await insertUser(trx, { email: signup.email, name: signup.name, passwordHash: signup.password_hash, isAdmin: false, language: signup.language === 'en' ? 'en' : 'sv', now });
    await recordAudit(trx, deps.clock, ctx, { action: 'user.sign_up', resourceType: 'user', resourceId: row.id, details: { mode: deps.config.signup?.mode ?? 'invite' } });
    return row.id;
  });
  return startSession(deps, ctx, userId, 'password');
}
