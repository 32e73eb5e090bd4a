import { z } from 'zod';

export const language = z.enum(['sv', 'en']);
export type Language = z.infer<typeof language>;

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

/**
 * C0 control characters and DEL, except tab, line feed and carriage return. No string with one is
 * accepted anywhere (body, query, path, multipart field, imported file): PostgreSQL cannot store NUL,
 * and the others only ever arrive to break a log, a CSV cell or a calendar file.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** What a one-line value (a name, a title) may not hold besides the control characters. */
export const LINE_BREAK = /[\t\n\r\u0085\u2028\u2029]/;

/** Half of a UTF-16 surrogate pair without its other half: no valid text, and the database refuses to encode it. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasControlCharacters = (value: string) => CONTROL_CHARACTER.test(value) || LONE_SURROGATE.test(value);

/** One line of text: a name, a title, a label. Trimmed; no line breaks or tabs (multi-line text uses `z.string()`). */
export const line = () =>
  z
    .string()
    .trim()
    .refine((value) => !LINE_BREAK.test(value), { message: 'validation.single_line' });

/**
 * A web address people may open from the platform: http or https only, never `javascript:`,
 * `data:`, `vbscript:` or `file:`. The one schema every stored URL goes through.
 */
export const webUrl = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => isWebUrl(value), { message: 'validation.url_scheme' });

/** Whether a string is an absolute http(s) URL (the web's link rendering checks stored values with it too). */
export function isWebUrl(value: string): boolean {
  if (CONTROL_CHARACTER.test(value) || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export const municipalityCode = z.string().regex(/^\d{4}$/, { message: 'validation.municipality_code' });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The answer of an act that has nothing more to say. */
export const okAnswer = z.object({ ok: z.boolean() });

export const errorBody = z.object({
  error: z.object({
    code: z.enum([
      'invalid',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
      'internal',
      'unavailable',
    ]),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
