/** The closed set of errors a request can end in; mapped to HTTP in http/error-handler.ts. */
export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable';

export const httpStatusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
};

/**
 * `messageKey` and every value in `fields` are keys of the message catalogue
 * (platform/messages.ts), translated when the error is sent.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `errors.${code}`,
    readonly fields: Record<string, string> = {},
    readonly params: Record<string, string | number> = {},
    readonly retryAfterSeconds?: number,
    /** More for the client than the closed set says, e.g. the existing records a duplicate matches. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(messageKey);
  }
}

export const invalid = (fields: Record<string, string>, messageKey = 'errors.invalid') =>
  new AppError('invalid', messageKey, fields);
export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const unauthenticated = () => new AppError('unauthenticated');
export const conflict = (messageKey = 'errors.conflict', fields: Record<string, string> = {}) =>
  new AppError('conflict', messageKey, fields);
