import type { FastifyReply, FastifyRequest } from 'fastify';

const PLAIN_NAME = 'samhandling_session';
/** Over https the __Host- prefix pins the cookie to this host, path / and Secure. */
const HOST_NAME = '__Host-samhandling_session';

export function isHttps(request: FastifyRequest, publicUrl: string | undefined): boolean {
  if (publicUrl) return publicUrl.startsWith('https:');
  return request.protocol === 'https';
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[HOST_NAME] ?? request.cookies[PLAIN_NAME];
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  now: Date,
  https: boolean,
): void {
  reply.setCookie(https ? HOST_NAME : PLAIN_NAME, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, https: boolean): void {
  reply.clearCookie(https ? HOST_NAME : PLAIN_NAME, { path: '/', httpOnly: true, sameSite: 'lax', secure: https });
}
