import {
  changePasswordBody,
  emailBody,
  idParams,
  meResponse,
  mePatch,
  oidcCallbackQuery,
  oidcStartQuery,
  passwordResetBody,
  session,
  signInBody,
  tokenBody,
} from '@samhandling/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { readDeviceCookie, setDeviceCookie } from '../../../http/device-cookie.ts';
import { clearSessionCookie, isHttps, setSessionCookie } from '../../../http/session-cookie.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { unauthenticated } from '../../../platform/errors.ts';
import { endSession, listMySessions, revokeMySession, type NewSession } from '../session/session.service.ts';
import { changePassword, getMe, updateMe } from '../user/user.service.ts';
import { requestEmailLink, resetPassword, signInWithMagicLink, useUnlockLink } from './email-link.ts';
import { rememberSignIn } from './known-sign-in.ts';
import { OIDC_CALLBACK_PATH, OidcSignIn } from './oidc.ts';
import { signInWithPassword } from './sign-in.ts';

function userIdOf(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.user.id;
}

export function authRoutes(deps: Deps) {
  const oidc = new OidcSignIn(deps);
  /** The session cookie, and the browser remembered as one that signed in to the account (it may pass a sign-in lock). */
  const giveCookie = async (request: FastifyRequest, reply: FastifyReply, created: NewSession) => {
    const https = isHttps(request, deps.config.publicUrl);
    setSessionCookie(reply, created.token, created.expiresAt, deps.clock.now(), https);
    setDeviceCookie(reply, await rememberSignIn(deps, created.userId, readDeviceCookie(request), request.ctx.ip), https);
  };

  return [
    defineRoute({
      method: 'POST',
      url: '/api/auth/sign-in',
      access: 'public',
      personal: true,
      summary: 'Sign in with e-mail and password; sets the session cookie',
      tags: ['auth'],
      body: signInBody,
      response: meResponse,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await signInWithPassword(deps, ctx, body.email, body.password, readDeviceCookie(request));
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/sign-out',
      access: 'public',
      summary: 'Sign out: ends the session on the server and clears the cookie',
      tags: ['auth'],
      status: 204,
      handler: async ({ ctx, request, reply }) => {
        await endSession(deps, ctx);
        clearSessionCookie(reply, isHttps(request, deps.config.publicUrl));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/magic-link',
      access: 'public',
      summary: 'E-mail a one-time sign-in link (same answer whether or not the account exists)',
      tags: ['auth'],
      body: emailBody,
      status: 202,
      handler: async ({ ctx, body }) => {
        await requestEmailLink(deps, ctx, 'magic_link', body.email);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/magic-link/consume',
      access: 'public',
      personal: true,
      summary: 'Sign in with the token from a magic link',
      tags: ['auth'],
      body: tokenBody,
      response: meResponse,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await signInWithMagicLink(deps, ctx, body.token);
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/unlock',
      access: 'public',
      summary: 'Use the unlock link a sign-in lock e-mailed: this browser may then sign in to the account with its password',
      tags: ['auth'],
      body: tokenBody,
      handler: async ({ ctx, body, request, reply }) => {
        const userId = await useUnlockLink(deps, ctx, body.token);
        setDeviceCookie(reply, await rememberSignIn(deps, userId, readDeviceCookie(request), null), isHttps(request, deps.config.publicUrl));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/password-reset',
      access: 'public',
      summary: 'E-mail a password reset link (same answer whether or not the account exists)',
      tags: ['auth'],
      body: emailBody,
      status: 202,
      handler: async ({ ctx, body }) => {
        await requestEmailLink(deps, ctx, 'password_reset', body.email);
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      access: 'public',
      personal: true,
      summary: 'Set a new password with the token from a reset link; signs in and ends all other sessions',
      tags: ['auth'],
      body: passwordResetBody,
      response: meResponse,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await resetPassword(deps, ctx, body.token, body.password);
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/oidc/start',
      access: 'public',
      summary: "Start sign-in through the organisation's identity provider (redirects)",
      tags: ['auth'],
      query: oidcStartQuery,
      handler: async ({ ctx, query, reply }) => {
        const url = await oidc.start(ctx, query.returnTo);
        return reply.redirect(url.href, 302);
      },
    }),
    defineRoute({
      method: 'GET',
      url: OIDC_CALLBACK_PATH,
      access: 'public',
      summary: 'Where the identity provider sends the user back (redirects)',
      tags: ['auth'],
      query: oidcCallbackQuery,
      handler: async ({ ctx, request, reply }) => {
        try {
          const { session: created, returnTo } = await oidc.callback(ctx, new URL(request.url, ctx.origin));
          await giveCookie(request, reply, created);
          return reply.redirect(returnTo, 302);
        } catch {
          return reply.redirect('/sign-in?error=oidc', 302);
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me',
      access: 'public',
      personal: true,
      summary: 'The signed-in user with their memberships, or { user: null }',
      tags: ['account'],
      response: meResponse,
      handler: async ({ ctx }) => ({ user: ctx.actor.kind === 'user' ? await getMe(deps, ctx.actor.user.id) : null }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/me',
      access: 'signed_in',
      summary: 'Change one’s own name or language',
      tags: ['account'],
      body: mePatch,
      response: meResponse,
      handler: async ({ ctx, body }) => ({ user: await updateMe(deps, ctx, body) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/password',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'Change one’s password; other sessions are ended',
      tags: ['account'],
      body: changePasswordBody,
      status: 204,
      handler: async ({ ctx, body }) => {
        await changePassword(deps, ctx, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/sessions',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'One’s active sessions',
      tags: ['account'],
      response: z.array(session),
      handler: ({ ctx }) => listMySessions(deps, ctx, userIdOf(ctx)),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/me/sessions/:id',
      access: 'signed_in',
      sessionOnly: true,
      summary: 'End one of one’s sessions',
      tags: ['account'],
      params: idParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await revokeMySession(deps, ctx, userIdOf(ctx), params.id);
      },
    }),
  ];
}
