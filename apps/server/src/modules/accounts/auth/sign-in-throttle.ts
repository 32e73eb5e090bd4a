import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rateLimited, secondsUntilFree } from '../../../platform/rate-limit.ts';

export const WINDOW_MS = 10 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;

/**
 * Failed sign-ins are counted in the database, so the limit holds across app instances (the
 * other limits use the general kit in platform/rate-limit.ts; sign-in keeps its own table because
 * a successful sign-in clears an account's failures).
 * Throws rate_limited (429 with Retry-After) once an account or an address is over its limit.
 */
export async function assertNotThrottled(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  for (const [column, value, limit] of [
    ['email', email, MAX_FAILURES_PER_ACCOUNT],
    ['ip', ip, MAX_FAILURES_PER_IP],
  ] as const) {
    const rows = await db
      .selectFrom('sign_in_failures')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    if (rows.length >= limit) {
      // Free again when the oldest of the last `limit` failures leaves the window.
      throw rateLimited(secondsUntilFree(rows[rows.length - 1]!.at, WINDOW_MS, now));
    }
  }
}

export async function recordFailure(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<void> {
  await db.insertInto('sign_in_failures').values({ email, ip, at: now }).execute();
  // Keep the table small: what has left the window no longer matters.
  await db.deleteFrom('sign_in_failures').where('at', '<', new Date(now.getTime() - 2 * WINDOW_MS)).execute();
}

export async function clearFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
