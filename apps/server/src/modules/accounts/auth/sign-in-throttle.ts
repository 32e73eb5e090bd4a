import type { RateRule } from '../../../platform/rate-limit.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * The limits on signing in and on e-mailed links (issue 14 §1.5), counted in the database
 * (rate_limit_hits, keyed hashes only) so that every app instance counts together. The client
 * address is the one Fastify sees, i.e. X-Forwarded-For only from a TRUST_PROXY address.
 * docs/operations.md (Rate limits) states the same numbers.
 */
const MINUTE = 60 * 1000;

/** Failed password sign-ins from one address, whatever the accounts: then 429 for that address. */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateRule = { bucket: 'sign_in_fail_address', max: 50, windowMs: 10 * MINUTE };
/** Failed password sign-ins from one address for one account: then 429 for that address and account. */
export const SIGN_IN_FAILURES_PER_ADDRESS_AND_ACCOUNT: RateRule = { bucket: 'sign_in_fail_address_account', max: 5, windowMs: 10 * MINUTE };
/**
 * Failed password sign-ins for one account from all addresses: then the account is locked for
 * password sign-in, except from a browser or address that has signed in to it before, or a
 * browser unlocked by the link the lock e-mails to the owner. A good sign-in clears the count.
 */
export const ACCOUNT_LOCK: RateRule = { bucket: 'sign_in_fail_account', max: 10, windowMs: 15 * MINUTE };
/** The unlock mail: once per account per hour, sent when the lock engages. */
export const UNLOCK_MAILS: RateRule = { bucket: 'unlock_mail', max: 1, windowMs: 60 * MINUTE };
/** Magic-link and password-reset mails for one address (counted whether or not it has an account). */
export const LINK_MAILS_PER_ACCOUNT: RateRule = { bucket: 'link_mail_account', max: 3, windowMs: 60 * MINUTE };
/** Magic-link and password-reset requests from one client address, whatever the e-mail addresses. */
export const LINK_MAILS_PER_ADDRESS: RateRule = { bucket: 'link_mail_address', max: 10, windowMs: 60 * MINUTE };

/** The lock's answer: the same whether or not the account exists. */
export function accountLocked(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', 'errors.account_locked', {}, { seconds: retryAfterSeconds }, retryAfterSeconds, { reason: 'account_locked' });
}
