import { authEndpoints } from '@samhandling/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { OidcSignIn } from './oidc.ts';
import { signInWithPassword } from './sign-in.ts';
import { confirmSignUp, requestSignUp } from '../signup/signup.service.ts';

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
    defineRoute(authEndpoints.signInWithPassword, {
      personal: true,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await signInWithPassword(deps, ctx, body.email, body.password, readDeviceCookie(request));
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute(authEndpoints.endSession, {
      handler: async ({ ctx, request, reply }) => {
        await endSession(deps, ctx);
        clearSessionCookie(reply, isHttps(request, deps.config.publicUrl));
      },
    }),
    defineRoute(authEndpoints.requestEmailLink, {
      handler: async ({ ctx, body }) => {
        await requestEmailLink(deps, ctx, 'magic_link', body.email);
        return { ok: true };
      },
    }),
    defineRoute(authEndpoints.signInWithMagicLink, {
      personal: true,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await signInWithMagicLink(deps, ctx, body.token);
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute(authEndpoints.requestSignUp, {
      handler: async ({ ctx, body }) => {
        await requestSignUp(deps, ctx, body);
        return { ok: true };
      },
    }),
    defineRoute(authEndpoints.confirmSignUp, {
      personal: true,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await confirmSignUp(deps, ctx, body.token);
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute(authEndpoints.unlockBrowser, {
      handler: async ({ ctx, body, request, reply }) => {
        const userId = await useUnlockLink(deps, ctx, body.token);
        setDeviceCookie(reply, await rememberSignIn(deps, userId, readDeviceCookie(request), null), isHttps(request, deps.config.publicUrl));
        return { ok: true };
      },
    }),
    defineRoute(authEndpoints.requestPasswordReset, {
      handler: async ({ ctx, body }) => {
        await requestEmailLink(deps, ctx, 'password_reset', body.email);
        return { ok: true };
      },
    }),
    defineRoute(authEndpoints.resetPassword, {
      personal: true,
      handler: async ({ ctx, body, request, reply }) => {
        const created = await resetPassword(deps, ctx, body.token, body.password);
        await giveCookie(request, reply, created);
        return { user: await getMe(deps, created.userId) };
      },
    }),
    defineRoute(authEndpoints.startOidcSignIn, {
      handler: async ({ ctx, query, reply }) => {
        const url = await oidc.start(ctx, query.returnTo);
        return reply.redirect(url.href, 302);
      },
    }),
    defineRoute(authEndpoints.finishOidcSignIn, {
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
    defineRoute(authEndpoints.getMe, {
      personal: true,
      handler: async ({ ctx }) => ({ user: ctx.actor.kind === 'user' ? await getMe(deps, ctx.actor.user.id) : null }),
    }),
    defineRoute(authEndpoints.updateMe, {
      handler: async ({ ctx, body }) => ({ user: await updateMe(deps, ctx, body) }),
    }),
    defineRoute(authEndpoints.changePassword, {
      handler: async ({ ctx, body }) => {
        await changePassword(deps, ctx, body);
      },
    }),
    defineRoute(authEndpoints.listMySessions, {
      handler: ({ ctx }) => listMySessions(deps, ctx, userIdOf(ctx)),
    }),
    defineRoute(authEndpoints.revokeMySession, {
      handler: async ({ ctx, params }) => {
        await revokeMySession(deps, ctx, userIdOf(ctx), params.id);
      },
    }),
  ];
}
