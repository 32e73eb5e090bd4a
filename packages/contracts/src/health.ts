import { z } from 'zod';

export const health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof health>;

/** Public settings the web app needs before anyone signs in. */
export const publicSettings = z.object({
  version: z.string(),
  mapStyleUrl: z.string().nullable(),
  oidc: z.object({ name: z.string() }).nullable(),
  demo: z.boolean(),
});
export type PublicSettings = z.infer<typeof publicSettings>;
