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
  /** The self-hosted PMTiles basemap (MAP_TILES): this server's address for it, or the configured URL. */
  mapTilesUrl: z.string().nullable().optional(),
  /** Where the basemap's label glyphs are served ({fontstack}/{range}.pbf), when MAP_FONTS is set. */
  mapGlyphsUrl: z.string().nullable().optional(),
  oidc: z.object({ name: z.string() }).nullable(),
  /** Who may register (SIGNUP): anyone, only by invitation, or addresses of the allowed domains. */
  signup: z.object({ mode: z.enum(['open', 'invite', 'domains']), domains: z.array(z.string()) }).optional(),
  demo: z.boolean(),
});
export type PublicSettings = z.infer<typeof publicSettings>;
