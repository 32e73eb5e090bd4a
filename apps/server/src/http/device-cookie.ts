import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A random id that lets the server recognise a browser that has signed in to an account before
 * (modules/accounts/auth/known-sign-in.ts): such a browser may pass an account's sign-in lock with
 * the right password. It carries no session and no personal data.
 */
const PLAIN_NAME = 'samhandling_device';
/** Over https the __Host- prefix pins the cookie to this host, path / and Secure. */
const HOST_NAME = '__Host-samhandling_device';
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export function readDeviceCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[HOST_NAME] ?? request.cookies[PLAIN_NAME];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function setDeviceCookie(reply: FastifyReply, id: string, https: boolean): void {
  reply.setCookie(https ? HOST_NAME : PLAIN_NAME, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: https, maxAge: MAX_AGE_SECONDS });
}
