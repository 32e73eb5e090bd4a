import type { RateRule } from '../../../platform/rate-limit.ts';

export const FORM_WINDOW_MS = 10 * 60 * 1000;
/** Enough for a village meeting sharing one Wi-Fi address; stops a script flooding a space. */
export const MAX_ANONYMOUS_INPUTS = 30;

/**
 * Anonymous inputs per client address and space in a sliding window, counted in the database
 * (platform/rate-limit.ts) so the limit holds across app instances. Refused inputs do not count.
 */
export const anonymousInputsRule: RateRule = { bucket: 'input.anonymous', max: MAX_ANONYMOUS_INPUTS, windowMs: FORM_WINDOW_MS };

/** The same allowance for anonymous comments per client address on one service plan's consultation. */
export const anonymousPlanCommentsRule: RateRule = {
  bucket: 'service_plan.comment.anonymous',
  max: MAX_ANONYMOUS_INPUTS,
  windowMs: FORM_WINDOW_MS,
};
