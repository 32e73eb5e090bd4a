import { AppError } from '../../../platform/errors.ts';

export const FORM_WINDOW_MS = 10 * 60 * 1000;
/** Enough for a village meeting sharing one Wi-Fi address; stops a script flooding a space. */
export const MAX_ANONYMOUS_INPUTS = 30;

/**
 * Anonymous inputs per address and space in a sliding window, kept in memory per database (so
 * per app instance: a flood spread over instances gets through at most once per instance). The
 * address is only ever held as part of a key that the caller hashes.
 */
const windows = new WeakMap<object, Map<string, number[]>>();

function recentOf(db: object, key: string, now: number) {
  let byKey = windows.get(db);
  if (!byKey) windows.set(db, (byKey = new Map()));
  const recent = (byKey.get(key) ?? []).filter((at) => at > now - FORM_WINDOW_MS);
  byKey.set(key, recent);
  return { byKey, recent };
}

/** Refuses (429 with Retry-After) once the address has sent its share to this space. */
export function assertFormNotFlooded(db: object, key: string, now: number): void {
  const { recent } = recentOf(db, key, now);
  if (recent.length >= MAX_ANONYMOUS_INPUTS) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]! + FORM_WINDOW_MS - now) / 1000));
    throw new AppError('rate_limited', 'errors.rate_limited', {}, { seconds: retryAfter }, retryAfter);
  }
}

/** Counts an accepted anonymous input (refused ones do not count). */
export function recordFormInput(db: object, key: string, now: number): void {
  const { byKey, recent } = recentOf(db, key, now);
  recent.push(now);
  // Forget keys whose window has passed, so the map does not grow without end.
  if (byKey.size > 10_000) for (const [k, times] of byKey) if (times.every((at) => at <= now - FORM_WINDOW_MS)) byKey.delete(k);
}
