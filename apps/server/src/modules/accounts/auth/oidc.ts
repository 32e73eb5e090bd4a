import * as client from 'openid-client';
import { anonymous, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { startSession, type NewSession } from '../session/session.service.ts';
import { deleteOidcStatesCreatedBefore, insertOidcState, takeOidcState } from './oidc-state.repository.ts';
import { findUserByEmail, findUserByOidc, insertUser, updateUser } from '../user/user.repository.ts';

const STATE_LIFETIME_MS = 10 * 60 * 1000;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * OpenID Connect sign-in for organisations' identity providers: authorization code flow with
 * PKCE, state and nonce; openid-client checks the ID token's issuer, audience and signature.
 * State lives in the database so the callback may land on another app instance.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly deps: Deps) {}

  get enabled(): boolean {
    return this.deps.config.oidc !== undefined;
  }

  private discover(): Promise<client.Configuration> {
    const settings = this.deps.config.oidc;
    if (!settings) throw new AppError('not_found', 'errors.oidc_not_configured');
    this.configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined; // try discovery again next time
        throw error;
      });
    return this.configuration;
  }

  async start(ctx: RequestContext, returnTo: string | undefined): Promise<URL> {
    const configuration = await this.discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const now = this.deps.clock.now();
    await deleteOidcStatesCreatedBefore(this.deps.db, new Date(now.getTime() - STATE_LIFETIME_MS));
    await insertOidcState(this.deps.db, { state, nonce, codeVerifier, returnTo: safeReturnPath(returnTo), now });
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: ctx.origin + OIDC_CALLBACK_PATH,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Completes the sign-in; any failure (unknown state, wrong nonce, foreign audience …) throws. */
  async callback(ctx: RequestContext, callbackUrl: URL): Promise<{ session: NewSession; returnTo: string }> {
    const configuration = await this.discover();
    const stateParam = callbackUrl.searchParams.get('state') ?? '';
    // One use only: the state row is deleted as it is read.
    const saved = await takeOidcState(this.deps.db, stateParam);
    const now = this.deps.clock.now();
    if (!saved || saved.created_at.getTime() + STATE_LIFETIME_MS < now.getTime()) {
      throw new AppError('unauthenticated', 'errors.oidc_failed');
    }
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: saved.code_verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch {
      claims = undefined;
    }
    if (!claims) {
      await recordAudit(this.deps.db, this.deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
        action: 'session.oidc_failed',
        resourceType: 'session',
        resourceId: null,
      });
      throw new AppError('unauthenticated', 'errors.oidc_failed');
    }
    const userId = await this.findOrCreateUser(ctx, claims);
    return { session: await startSession(this.deps, ctx, userId, 'oidc'), returnTo: saved.return_to };
  }

  private async findOrCreateUser(ctx: RequestContext, claims: client.IDToken): Promise<string> {
    const issuer = claims.iss;
    const subject = claims.sub;
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : (email ?? subject);
    return this.deps.db.transaction().execute(async (trx) => {
      const linked = await findUserByOidc(trx, issuer, subject);
      if (linked) {
        if (linked.disabled_at) throw new AppError('unauthenticated', 'errors.oidc_failed');
        return linked.id;
      }
      // Link an existing account only on an address the identity provider has verified.
      if (email && claims.email_verified === true) {
        const existing = await findUserByEmail(trx, email);
        if (existing) {
          if (existing.disabled_at) throw new AppError('unauthenticated', 'errors.oidc_failed');
          await updateUser(trx, existing.id, { oidc_issuer: issuer, oidc_subject: subject });
          await recordAudit(trx, this.deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
            actorId: existing.id,
            action: 'user.link_oidc',
            resourceType: 'user',
            resourceId: existing.id,
          });
          return existing.id;
        }
      }
      if (!email) throw new AppError('unauthenticated', 'errors.oidc_failed');
      if (await findUserByEmail(trx, email)) throw new AppError('unauthenticated', 'errors.oidc_failed');
      const row = await insertUser(trx, {
        email,
        name,
        passwordHash: null,
        isAdmin: false,
        language: 'sv',
        now: this.deps.clock.now(),
        oidcIssuer: issuer,
        oidcSubject: subject,
      });
      await recordAudit(trx, this.deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
        actorId: row.id,
        action: 'user.create_oidc',
        resourceType: 'user',
        resourceId: row.id,
      });
      return row.id;
    });
  }
}

/** Only a path on this site: never an absolute URL or a protocol-relative `//host`. */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return '/';
  return returnTo;
}
