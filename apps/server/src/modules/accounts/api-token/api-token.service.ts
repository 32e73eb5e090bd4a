import type { ApiToken, TokenScope } from '@samhandling/contracts';
import { tokenScopes } from '@samhandling/contracts';
import type { RequestContext, SignedInUser } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { findApiTokenWithUser, insertApiToken, listApiTokens, markApiTokenUsed, revokeAllApiTokens, revokeApiToken } from './api-token.repository.ts';
import { canRequestScopes } from './api-token.policy.ts';

/** Recognisable by secret scanners; the rest is 256 random bits. */
const TOKEN_PREFIX = 'smh_';
const USE_RECORD_INTERVAL_MS = 60 * 1000;

/** Stored space-separated; every token may read, so `read` is always among them. */
function parseScopes(stored: string): TokenScope[] {
  const set = new Set(stored.split(' '));
  return tokenScopes.filter((scope) => scope === 'read' || set.has(scope));
}

function present(row: { id: string; name: string; prefix: string; scopes: string; created_at: Date; last_used_at: Date | null }): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** A new token with the asked scopes (read only when none are asked); `admin` only for platform admins. */
export async function createApiToken(deps: Deps, ctx: RequestContext, userId: string, name: string, asked: TokenScope[] = ['read']) {
  if (!canRequestScopes(ctx.actor, asked)) throw invalid({ scopes: 'errors.token_admin_scope' });
  const scopes = parseScopes(asked.join(' '));
  const token = TOKEN_PREFIX + newToken();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertApiToken(trx, {
      userId,
      name,
      tokenHash: hashToken(deps.config.sessionSecret, token),
      prefix: token.slice(0, 10),
      scopes: scopes.join(' '),
      now: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'api_token.create', resourceType: 'api_token', resourceId: row.id, details: { scopes } });
    // The token itself is shown once, now, and never again.
    return { ...present(row), token };
  });
}

export async function listMyApiTokens(deps: Deps, userId: string): Promise<ApiToken[]> {
  return (await listApiTokens(deps.db, userId)).map(present);
}

export async function revokeMyApiToken(deps: Deps, ctx: RequestContext, userId: string, tokenId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, tokenId, userId, deps.clock.now());
    if (!revoked) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'api_token.revoke', resourceType: 'api_token', resourceId: tokenId });
  });
}

/** For a new password (user.service): every token of the account stops working. */
export const revokeAllApiTokensOf = revokeAllApiTokens;

/**
 * The user behind a token and what the token may do. Without the `admin` scope the token acts as
 * an ordinary user everywhere (policies see isAdmin false), whatever the account may do.
 */
export async function resolveApiToken(deps: Deps, token: string): Promise<{ user: SignedInUser; scopes: TokenScope[] } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await findApiTokenWithUser(deps.db, hashToken(deps.config.sessionSecret, token));
  if (!row || row.revoked_at || row.disabled_at) return undefined;
  const now = deps.clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= USE_RECORD_INTERVAL_MS) {
    await markApiTokenUsed(deps.db, row.tokenId, now);
  }
  const scopes = parseScopes(row.scopes);
  return {
    user: { id: row.id, email: row.email, name: row.name, language: row.language, isAdmin: row.is_admin && scopes.includes('admin') },
    scopes,
  };
}
