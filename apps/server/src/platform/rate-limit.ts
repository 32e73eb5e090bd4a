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
): Promise<number[]> {
  const keyed = hits
    .map(({ rule, key }) => ({ rule, key: hashedKey(secret, rule, key) }))
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
  return insertHits(trx, now, keyed);
}

function hashedKey(secret: string, rule: RateRule, key: string): string {
  return hashToken(secret, `${rule.bucket}:${key}`);
}

async function insertHits(trx: Kysely<Database>, now: Date, keyed: { rule: RateRule; key: string }[]): Promise<number[]> {
  if (keyed.length === 0) return [];
  const inserted = await trx
    .insertInto('rate_limit_hits')
    .values(keyed.map(({ rule, key }) => ({ bucket: rule.bucket, key, at: now })))
    .returning('id')
    .execute();
  // Keep the table small: what has left its window no longer counts. Old rows of other keys are
  // swept in small batches, skipping rows another transaction is deleting, so no one waits.
  for (const rule of new Set(keyed.map((k) => k.rule))) {
    const expired = new Date(now.getTime() - rule.windowMs);
    await sql`delete from rate_limit_hits where id in (
      select id from rate_limit_hits where bucket = ${rule.bucket} and at <= ${expired} limit 200 for update skip locked)`.execute(trx);
  }
  return inserted.map((row) => Number(row.id));
}

/** Counts one request against each rule without ever refusing (for limits that are checked elsewhere). */
export function countRateHits(trx: Kysely<Database>, secret: string, now: Date, hits: RateHit[]): Promise<number[]> {
  return insertHits(
    trx,
    now,
    hits.map(({ rule, key }) => ({ rule, key: hashedKey(secret, rule, key) })),
  );
}

/** Takes back counted requests (by the ids consumeRateLimits or countRateHits answered), e.g. an attempt that turned out fine. */
export async function uncountRateHits(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('rate_limit_hits').where('id', 'in', ids).execute();
}

/** Forgets everything counted for one key of one rule, e.g. an account's failed sign-ins after a good one. */
export async function clearRateKey(db: Kysely<Database>, secret: string, rule: RateRule, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('bucket', '=', rule.bucket).where('key', '=', hashedKey(secret, rule, key)).execute();
}

/**
 * How full one key's window is, without counting anything: `full` with the seconds until it has
 * room again, once `rule.max` requests are in the window.
 */
export async function rateWindow(
  db: Kysely<Database>,
  secret: string,
  now: Date,
  rule: RateRule,
  key: string,
): Promise<{ count: number; full: boolean; retryAfterSeconds: number }> {
  const rows = await db
    .selectFrom('rate_limit_hits')
    .select('at')
    .where('bucket', '=', rule.bucket)
    .where('key', '=', hashedKey(secret, rule, key))
    .where('at', '>', new Date(now.getTime() - rule.windowMs))
    .orderBy('at', 'desc')
    .limit(rule.max)
    .execute();
  const full = rows.length >= rule.max;
  return { count: rows.length, full, retryAfterSeconds: full ? secondsUntilFree(rows[rows.length - 1]!.at, rule.windowMs, now) : 0 };
}
