import type { FastifyRequest } from 'fastify';

/**
 * What the request log may hold: no personal data (issue 14 §1.3). A request is its method, its
 * route pattern (never the query string, which may hold a one-time token, nor the values in the
 * path) and its id; an error is its type, SQLSTATE and redacted message, never the SQL text, its
 * parameters or a database error's `detail` (PostgreSQL puts the offending values there).
 */
export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: req.routeOptions?.url ?? req.url.split('?')[0], id: req.id }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  err: (error: unknown) => serializeError(error, 0) as SerializedError,
};

/** Fields of a database error that name things (tables, constraints), never values. */
const SAFE_FIELDS = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType', 'statusCode'] as const;

/** Values PostgreSQL and JavaScript quote in their messages: `"Lisa"`, `'Lisa'`, `Key (email)=(lisa@…)`. */
export function redactMessage(message: string): string {
  return message
    .replace(/=\([^)]*\)/g, '=(…)')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/[^\s@]+@[^\s@]+/g, '…@…')
    .slice(0, 500);
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(error: unknown, depth: number): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const type = error.constructor?.name || 'Error';
  const message = redactMessage(error.message);
  const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const out: SerializedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const field of SAFE_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
