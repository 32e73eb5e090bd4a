import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/** Security headers: CSP without inline scripts, no framing, no sniffing, a strict referrer. */
export async function registerSecurityHeaders(app: FastifyInstance, options: { mapStyleUrl: string | undefined; mapTilesUrl?: string | undefined }) {
  const mapOrigin = [...new Set([options.mapStyleUrl, options.mapTilesUrl].filter((u): u is string => !!u).map((u) => new URL(u).origin))];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // MapLibre sets element styles at run time; no inline <style> blocks are served.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigin],
        connectSrc: ["'self'", ...mapOrigin],
        fontSrc: ["'self'", 'data:', ...mapOrigin],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
}
