import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from './errors.ts';
import { hashToken } from './secrets.ts';

/**
 * Rate limits kept in the database, so that every app instance on one database counts together
 * (the same approach as the sign-in throttle): a sliding window of at most `max` counted requests
 * per key in `windowMs`.
 */
export interface RateRule {
  /** Names the limit; also the namespace of its keys. */
  bucket: string;
  max: number;
  windowMs: number;
}

/** 429 with Retry-After and "try again in N seconds" in the caller's language. */
export function rateLimited(retryAfterSeconds: number, messageKey = 'errors.rate_limited'): AppError {
  return new AppError('rate_limited', messageKey, {}, { seconds: retryAfterSeconds }, retryAfterSeconds);
}

/** Seconds until a window that is full again has room: when its oldest counted request leaves it. */
export function secondsUntilFree(oldest: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
}

export interface RateHit {
  rule: RateRule;
  /** What the limit counts per, e.g. `${eventId}:${ip}`; stored only as a keyed hash. */
  key: string;
}

/**
 * Counts one request against each rule, or refuses the request (rate_limited) if any rule's
 * window is already full; nothing is counted then. Call it inside the transaction that makes the
 * write: a per-key transaction lock makes concurrent requests (also on other instances) count one
 * after another, and if the write fails later the count rolls back with it, so only accepted
 * requests count.
 */
export async function consumeRateLimits(
  trx: Kysely<Database>,
  secret: string,
  now: Date,
  hits: RateHit[],
  messageKey = 'errors.rate_limited',
): Promise<void> {
  const keyed = hits
    .map(({ rule, key }) => ({ rule, key: hashToken(secret, `${rule.bucket}:${key}`) }))
    // One lock order everywhere, so two requests never wait for each other in a circle.
    .sort((a, b) => (a.rule.bucket + a.key < b.rule.bucket + b.key ? -1 : 1));
  for (const { rule, key } of keyed) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${rule.bucket}:${key}`}, 0))`.execute(trx);
  }
  for (const { rule, key } of keyed) {
    const rows = await trx
      .selectFrom('rate_limit_hits')
      .select('at')
      .where('bucket', '=', rule.bucket)
      .where('key', '=', key)
      .where('at', '>', new Date(now.getTime() - rule.windowMs))
      .orderBy('at', 'desc')
      .limit(rule.max)
      .execute();
    if (rows.length >= rule.max) throw rateLimited(secondsUntilFree(rows[rows.length - 1]!.at, rule.windowMs, now), messageKey);
  }
  await trx
    .insertInto('rate_limit_hits')
    .values(keyed.map(({ rule, key }) => ({ bucket: rule.bucket, key, at: now })))
    .execute();
  // Keep the table small: what has left its window no longer counts. Old rows of other keys are
  // swept in small batches, skipping rows another transaction is deleting, so no one waits.
  for (const rule of new Set(keyed.map((k) => k.rule))) {
    const expired = new Date(now.getTime() - rule.windowMs);
    await sql`delete from rate_limit_hits where id in (
      select id from rate_limit_hits where bucket = ${rule.bucket} and at <= ${expired} limit 200 for update skip locked)`.execute(trx);
  }
}
