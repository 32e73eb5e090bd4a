import { anonymous, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { findUserByEmail } from '../user/user.repository.ts';
import { verifyPassword } from './password.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './sign-in-throttle.ts';

/** Password sign-in. The same answer for an unknown account and a wrong password. */
export async function signInWithPassword(deps: Deps, ctx: RequestContext, email: string, password: string): Promise<NewSession> {
  const now = deps.clock.now();
  await assertNotThrottled(deps.db, email, ctx.ip, now);
  const user = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok || user.disabled_at) {
    await deps.db.transaction().execute(async (trx) => {
      await recordFailure(trx, email, ctx.ip, now);
      await recordAudit(trx, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
        action: 'session.sign_in_failed',
        resourceType: 'user',
        resourceId: user?.id ?? null,
      });
    });
    throw new AppError('unauthenticated', 'errors.bad_credentials', { password: 'errors.bad_credentials' });
  }
  await clearFailures(deps.db, email);
  return startSession(deps, ctx, user.id, 'password');
}
