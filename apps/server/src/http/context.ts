import type { FastifyRequest } from 'fastify';
import { anonymous, type Actor, type RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { languageFromHeader, type Language } from '../platform/messages.ts';
import { resolveApiToken } from '../modules/accounts/api-token/api-token.service.ts';
import { resolveSession } from '../modules/accounts/session/session.service.ts';
import { readSessionCookie } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** How the caller authenticated, which decides whether CSRF rules apply. */
    authVia: 'none' | 'cookie' | 'bearer';
  }
}

/** The app's own origin: PUBLIC_URL when set, else what the request was addressed to. */
export function appOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

export async function buildRequestContext(deps: Deps, request: FastifyRequest): Promise<RequestContext> {
  let actor: Actor = anonymous;
  request.authVia = 'none';
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const resolved = await resolveApiToken(deps, authorization.slice(7).trim());
    if (resolved) {
      actor = { kind: 'user', user: resolved.user, via: 'token', sessionId: null, scopes: resolved.scopes };
      request.authVia = 'bearer';
    }
  } else {
    const token = readSessionCookie(request);
    if (token) {
      const session = await resolveSession(deps, token);
      // A cookie counts for CSRF even when its session is gone: the browser still sends it.
      request.authVia = 'cookie';
      if (session) actor = { kind: 'user', user: session.user, via: 'session', sessionId: session.sessionId };
    }
  }
  const language: Language =
    (actor.kind === 'user' ? actor.user.language : undefined) ??
    languageFromHeader(request.headers['accept-language']) ??
    'sv';
  return {
    actor,
    language,
    requestId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    origin: appOrigin(request, deps.config.publicUrl),
  };
}
