import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { randomUUID } from 'node:crypto';
import { isPlatformAdmin } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError, notFound, unauthenticated } from '../platform/errors.ts';
import { tokenAllowsMethod } from '../modules/accounts/api-token/api-token.policy.ts';
import { appOrigin, buildRequestContext } from './context.ts';
import { registerErrorHandler, sendError } from './error-handler.ts';
import { logSerializers } from './log.ts';
import { buildOpenApi } from './openapi.ts';
import type { RouteDefinition } from './route.ts';
import { registerSecurityHeaders } from './security.ts';
import { registerCompression } from './compress.ts';
import { registerMapTiles } from './map-tiles.ts';
import { answerBreaksContract } from './check-answer.ts';
import { parseInput } from './validate.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const BODY_LIMIT_BYTES = 1024 * 1024;
const CSV_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** The largest file any upload route takes (an OSM extract for a county: 200 MB); each route sets its own lower limit. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** What a client is told to wait before trying again while this instance stops (SIGTERM). */
export const DRAIN_RETRY_AFTER_SECONDS = 5;

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Stopping: from now on every new request is answered 503 with Retry-After (and the connection
     * closed), while the requests already running finish. The listener stays open, so nothing
     * queued or arriving is reset; `close()` follows when the drain time is over.
     */
    beginDrain(): void;
  }
}

export interface AppOptions {
  routes: RouteDefinition[];
  webRoot?: string | undefined;
  logger?: boolean;
  /** Where the log goes (default: standard output); tests read it to check what it holds. */
  logStream?: { write(line: string): void };
  trustProxy?: boolean;
  /** Check every JSON answer against its endpoint's response schema (default: config, else NODE_ENV !== 'production'). */
  validateResponses?: boolean;
}

/**
 * The HTTP shell: context, CSRF, validation, errors, headers, OpenAPI and the web app.
 * Routes come from the modules as plain definitions, so the catalogue can be listed and tested.
 */
export async function buildApp(deps: Deps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            // No personal data in logs: no IP, no query string (it may hold a one-time token), no
            // headers, no body, no SQL parameters (http/log.ts).
            serializers: logSerializers,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? (deps.config.trustProxy?.length ? deps.config.trustProxy : false),
    return503OnClosing: true,
    // A path that is not valid percent-encoded UTF-8 (or too long) gets the usual error shape.
    frameworkErrors: (_error, request, reply) => sendError(request, reply, new AppError('invalid', 'errors.bad_url')),
    forceCloseConnections: 'idle',
  });

  registerErrorHandler(app);
  let draining = false;
  app.decorate('beginDrain', () => {
    draining = true;
  });
  await app.register(cookie);
  // Live boards: small frames only; a bigger one closes the socket (1009) instead of filling memory.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  await registerSecurityHeaders(app, {
    mapStyleUrl: deps.config.mapStyleUrl,
    mapTilesUrl: deps.config.mapTiles && 'url' in deps.config.mapTiles ? deps.config.mapTiles.url : undefined,
  });
  registerCompression(app);

  // File uploads (routes with `upload`): one file per request; the route reads it with readUpload().
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 10_000, parts: 12, fileSize: MAX_UPLOAD_BYTES } });

  // RFC 8058 one-click unsubscribe: mail programs POST the form `List-Unsubscribe=One-Click`
  // (only routes whose endpoint `accepts` it take it; the others answer 415 as before).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    if (draining) {
      reply.header('Connection', 'close');
      return sendError(request, reply, new AppError('unavailable', 'errors.unavailable', {}, {}, DRAIN_RETRY_AFTER_SECONDS));
    }
    if (!request.url.startsWith('/api/')) return;
    request.ctx = await buildRequestContext(deps, request);
    // CSRF: a cookie-carrying state change must come from our own origin. A request without
    // any cookie cannot ride on someone's session; a token-authenticated one needs no check.
    if (STATE_CHANGING.has(request.method) && request.authVia !== 'bearer') {
      const origin = request.headers.origin;
      const expected = appOrigin(request, deps.config.publicUrl);
      const mustMatch = request.authVia === 'cookie' || origin !== undefined;
      if (mustMatch && origin !== expected) {
        return sendError(request, reply, new AppError('forbidden', 'errors.csrf'));
      }
    }
    // A WebSocket upgrade carries the cookie like a state change does: same origin rule.
    if (request.headers.upgrade?.toLowerCase() === 'websocket') {
      const origin = request.headers.origin;
      if ((request.authVia === 'cookie' || origin !== undefined) && origin !== appOrigin(request, deps.config.publicUrl)) {
        return sendError(request, reply, new AppError('forbidden', 'errors.csrf'));
      }
    }
  });

  const validateResponses = options.validateResponses ?? deps.config.validateResponses ?? process.env.NODE_ENV !== 'production';
  for (const route of options.routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        const { ctx } = request;
        if (route.access !== 'public' && ctx.actor.kind !== 'user') throw unauthenticated();
        // Admin-only routes answer 404 to others: the caller does not learn they exist.
        if (route.access === 'admin' && !isPlatformAdmin(ctx.actor)) throw notFound();
        // An API token does only what its scopes allow, and never manages tokens, sessions or the password.
        if (ctx.actor.kind === 'user' && ctx.actor.via === 'token') {
          if (route.sessionOnly) throw new AppError('forbidden', 'errors.session_required');
          if (!tokenAllowsMethod(ctx.actor.scopes ?? [], request.method)) throw new AppError('forbidden', 'errors.token_read_only');
        }
        const contentType = request.headers['content-type']?.split(';')[0]?.trim();
        if (contentType === 'multipart/form-data' && !route.upload && !route.accepts?.includes('multipart/form-data')) throw new AppError('unsupported_media_type');
        if (route.body && request.body !== undefined && contentType && contentType !== 'application/json' && !route.accepts?.includes(contentType)) {
          throw new AppError('unsupported_media_type');
        }
        const params = route.params ? parseInput(route.params, request.params) : {};
        const query = route.query ? parseInput(route.query, request.query ?? {}) : {};
        const rawBody = route.accepts?.includes(contentType ?? '') && typeof request.body === 'string' ? { csv: request.body } : request.body;
        const body = route.body ? parseInput(route.body, rawBody === undefined ? {} : rawBody) : undefined;
        if (route.personal ?? route.access !== 'public') reply.header('Cache-Control', 'no-store');
        const result = await route.handler({ ctx, params, query, body, request, reply });
        if (reply.sent) return reply;
        if (validateResponses && answerBreaksContract(route, result, request, reply)) return reply;
        reply.status(route.status ?? 200);
        return result ?? (route.status === 204 ? undefined : { ok: true });
      },
      ...(route.websocket
        ? {
            wsHandler: (socket: WebSocket, request: FastifyRequest) => {
              const { ctx } = request;
              try {
                if (route.access !== 'public' && ctx.actor.kind !== 'user') throw unauthenticated();
                const params = route.params ? parseInput(route.params, request.params) : {};
                const query = route.query ? parseInput(route.query, request.query ?? {}) : {};
                route.websocket!({ ctx, params, query, socket, request });
              } catch {
                socket.close(4400, 'invalid');
              }
            },
          }
        : {}),
    });
  }

  registerMapTiles(app, deps.config);

  // Built on its first request, not at start-up: it costs about 0.2 s of CPU that every start (and
  // every test app) would pay for a document few ever ask for.
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/api/openapi.json', async (_request, reply) => reply.header('Cache-Control', 'no-cache').send((openApi ??= buildOpenApi(options.routes, deps.version))));

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz next to each asset (vite.config.ts): sent as the browser accepts.
      preCompressed: true,
      // Source maps are not shipped; one left in an old build is not served either.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      setHeaders: (res, filePath) => {
        // Built assets carry a content hash in their names, so they can be cached for good.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      request.ctx ??= await buildRequestContext(deps, request);
      return sendError(request, reply, new AppError('not_found', 'errors.route_not_found'));
    }
    // A missing built asset is a 404: answering with index.html would feed HTML to a script tag.
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/assets/')) {
      // The web app routes on the client; unknown pages get its own 404 view.
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
  });

  return app;
}
