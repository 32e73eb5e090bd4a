import { anonymous, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { clearRateKey, consumeRateLimits, countRateHits, rateWindow, uncountRateHits } from '../../../platform/rate-limit.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { findUserByEmail } from '../user/user.repository.ts';
import { sendUnlockLink } from './email-link.ts';
import { isKnownSignIn } from './known-sign-in.ts';
import { verifyPassword } from './password.ts';
import { ACCOUNT_LOCK, accountLocked, SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT } from './sign-in-throttle.ts';

/**
 * Password sign-in. The same answer for an unknown account and a wrong password, and the same
 * lock answer for a locked account whether or not it exists.
 *
 * 1. The attempt counts against the per-address limits before the password is checked (so
 *    parallel guesses cannot slip past the count); a good attempt is taken back.
 * 2. A locked account (ACCOUNT_LOCK failures in its window) is refused, unless the browser or the
 *    address has signed in to it before; the right password is still needed then.
 * 3. A wrong password counts against the account; the failure that locks it e-mails the owner an
 *    unlock link (once per hour).
 */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export async function signInWithPassword(deps: Deps, ctx: RequestContext, email: string, password: string, deviceId: string | undefined): Promise<NewSession> {
  const now = deps.clock.now();
  const secret = deps.config.sessionSecret;
  const account = email.toLowerCase();
  const provisional = await deps.db.transaction().execute((trx) =>
    consumeRateLimits(trx, secret, now, [
      { rule: SIGN_IN_FAILURES_PER_ADDRESS, key: ctx.ip },
      { rule: SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT, key: `${ctx.ip}:${account}` },
    ]),
  );
  const user = await findUserByEmail(deps.db, account);
  const lock = await rateWindow(deps.db, secret, now, ACCOUNT_LOCK, account);
  // The same queries whether or not the account exists, so the lock's answer takes the same time.
  if (lock.full && !((await isKnownSignIn(deps, user?.id ?? NO_ACCOUNT, deviceId, ctx.ip)) && user && !user.disabled_at)) {
    throw accountLocked(lock.retryAfterSeconds);
  }
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || user.disabled_at) {
    await deps.db.transaction().execute(async (trx) => {
      await countRateHits(trx, secret, now, [{ rule: ACCOUNT_LOCK, key: account }]);
      await recordAudit(trx, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
        action: 'session.sign_in_failed',
        resourceType: 'user',
        resourceId: user?.id ?? null,
      });
    });
    if (user && !user.disabled_at && lock.count + 1 >= ACCOUNT_LOCK.max) await sendUnlockLink(deps, ctx, user);
    throw new AppError('unauthenticated', 'errors.bad_credentials', { password: 'errors.bad_credentials' });
  }
  await uncountRateHits(deps.db, provisional);
  // A good sign-in clears the account's failures, except while it is locked: the owner passing the
  // lock from a known browser does not open it for everyone else; it ends by time.
  if (!lock.full) await clearRateKey(deps.db, secret, ACCOUNT_LOCK, account);
  return startSession(deps, ctx, user.id, 'password');
}
