import type { Deps } from '../../../platform/deps.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { deleteKnownSignInsSeenBefore, hasKnownSignIn, upsertKnownSignIn } from './known-sign-in.repository.ts';

/**
 * Browsers and client addresses an account has signed in from: they may pass the account's
 * sign-in lock with the right password (sign-in-throttle.ts). A browser is known by a random id
 * in a long-lived cookie (http/device-cookie.ts); both are stored as keyed hashes only, and
 * forgotten after KNOWN_FOR_MS without a sign-in.
 */
export const KNOWN_FOR_MS = 180 * 24 * 60 * 60 * 1000;

const keyOf = (deps: Pick<Deps, 'config'>, kind: 'device' | 'address', value: string) => hashToken(deps.config.sessionSecret, `known-${kind}:${value}`);

export async function isKnownSignIn(deps: Deps, userId: string, deviceId: string | undefined, address: string): Promise<boolean> {
  const keys: { kind: 'device' | 'address'; key: string }[] = [{ kind: 'address', key: keyOf(deps, 'address', address) }];
  if (deviceId) keys.push({ kind: 'device', key: keyOf(deps, 'device', deviceId) });
  const since = new Date(deps.clock.now().getTime() - KNOWN_FOR_MS);
  return hasKnownSignIn(deps.db, userId, keys, since);
}

/**
 * Remembers the browser (and, unless only the browser was vouched for, the address) of a good
 * sign-in; answers the browser id to keep in its cookie (a new one if it had none).
 */
export async function rememberSignIn(deps: Deps, userId: string, deviceId: string | undefined, address: string | null): Promise<string> {
  const id = deviceId ?? newToken();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await upsertKnownSignIn(trx, userId, 'device', keyOf(deps, 'device', id), now);
    if (address !== null) await upsertKnownSignIn(trx, userId, 'address', keyOf(deps, 'address', address), now);
    await deleteKnownSignInsSeenBefore(trx, new Date(now.getTime() - KNOWN_FOR_MS));
  });
  return id;
}
