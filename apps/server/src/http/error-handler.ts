import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../platform/errors.ts';
import { languageFromHeader, translate, type Language } from '../platform/messages.ts';
import { ValidationError } from './validate.ts';

function languageOf(request: FastifyRequest): Language {
  return request.ctx?.language ?? languageFromHeader(request.headers['accept-language']) ?? 'sv';
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const language = languageOf(request);
  const fields: Record<string, string> =
    error instanceof ValidationError
      ? Object.fromEntries(Object.entries(error.problems).map(([name, p]) => [name, translate(language, p.key, p.params)]))
      : Object.fromEntries(Object.entries(error.fields).map(([name, key]) => [name, translate(language, key, error.params)]));
  if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply
    .status(httpStatusOf[error.code])
    .header('Cache-Control', 'no-store')
    .send({
      error: {
        code: error.code,
        message: translate(language, error.messageKey, { ...error.params, requestId: request.id }),
        fields,
        requestId: request.id,
        ...error.extra,
      },
    });
}

/** Fastify's own errors (body parsing, limits) mapped into the closed set. */
function fromFastifyError(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'errors.malformed_json');
    default:
      if (error instanceof SyntaxError) return new AppError('invalid', 'errors.malformed_json');
      if (error.statusCode === 413) return new AppError('payload_too_large');
      if (error.statusCode === 415) return new AppError('unsupported_media_type');
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('invalid');
      return undefined;
  }
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error);
    if (known) return sendError(request, reply, known);
    // Unexpected: log the error (no request body, no personal data: see logErrorSerializer) and answer with the request id.
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    const language = languageOf(request);
    return reply
      .status(500)
      .header('Cache-Control', 'no-store')
      .send({
        error: {
          code: 'internal',
          message: translate(language, 'errors.internal', { requestId: request.id }),
          fields: {},
          requestId: request.id,
        },
      });
  });
}
