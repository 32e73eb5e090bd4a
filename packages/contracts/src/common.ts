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
