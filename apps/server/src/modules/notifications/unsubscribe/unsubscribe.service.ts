import { notificationKind, type NotificationKind } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalid } from '../../../platform/errors.ts';
import { readUnsubscribeToken } from '../../../platform/unsubscribe-link.ts';
import { endFollow } from '../follow/follow.service.ts';
import { upsertPreference, userExists } from '../preference/preference.repository.ts';
import { suppressAddress } from './unsubscribe.repository.ts';

/**
 * One click, no sign-in: the signed token says what to stop. A follow ends; a kind of notice is set
 * to "nothing" for that account; an address-wide link stops every mail to the address except the
 * links the person asks for themselves. Repeating it changes nothing and answers the same.
 */
export async function unsubscribe(deps: Deps, ctx: RequestContext, token: string | undefined) {
  const scope = token ? readUnsubscribeToken(deps.config.sessionSecret, token) : undefined;
  if (!scope) throw invalid({ token: 'errors.link_invalid' }, 'errors.link_invalid');
  return deps.db.transaction().execute(async (trx) => {
    if (scope.s === 'follow') {
      const row = await endFollow(trx, scope.id);
      await recordAudit(trx, deps.clock, ctx, { action: 'unsubscribe.follow', resourceType: 'follow', resourceId: scope.id, details: { existed: Boolean(row) } });
      return { scope: 'follow' as const, kind: row?.target_kind ?? null, label: null };
    }
    if (scope.s === 'kind') {
      if (!(notificationKind.options as string[]).includes(scope.kind)) throw invalid({ token: 'errors.link_invalid' }, 'errors.link_invalid');
      if (await userExists(trx, scope.user)) await upsertPreference(trx, scope.user, scope.kind as NotificationKind, 'none');
      await recordAudit(trx, deps.clock, ctx, { action: 'unsubscribe.kind', resourceType: 'user', resourceId: scope.user, details: { kind: scope.kind } });
      return { scope: 'kind' as const, kind: scope.kind, label: null };
    }
    await suppressAddress(trx, scope.email, deps.clock.now());
    await recordAudit(trx, deps.clock, ctx, { action: 'unsubscribe.address', resourceType: 'mail_suppression', resourceId: null });
    return { scope: 'address' as const, kind: null, label: null };
  });
}
