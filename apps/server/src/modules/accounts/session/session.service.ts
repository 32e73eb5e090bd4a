import type { Session } from '@samhandling/contracts';
import { anonymous, type RequestContext, type SignedInUser } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { sessionCacheOf } from './session-cache.ts';
import {
  findSessionWithUser,
  insertSession,
  listActiveSessions,
  revokeAllSessionsOf,
  revokeSession,
  touchSession,
} from './session.repository.ts';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewSession {
  token: string;
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

/** A fresh random id at every sign-in, so a planted id can never become signed in (fixation). */
export async function startSession(
  deps: Deps,
  ctx: Pick<RequestContext, 'requestId' | 'userAgent'>,
  userId: string,
  method: 'password' | 'magic_link' | 'oidc' | 'invitation' | 'password_reset',
): Promise<NewSession> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await insertSession(trx, {
      tokenHash: hashToken(deps.config.sessionSecret, token),
      userId,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      method,
      now,
      expiresAt,
    });
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
      actorId: userId,
      action: 'session.start',
      resourceType: 'session',
      resourceId: id,
      details: { method },
    });
    return { token, userId, sessionId: id, expiresAt };
  });
}

/** The session row behind a token hash: from the embedded database's session cache when it has it. */
async function readSession(deps: Deps, tokenHash: string) {
  const cache = sessionCacheOf(deps.db);
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const mark = cache?.mark();
  const row = await findSessionWithUser(deps.db, tokenHash);
  // Unknown tokens are not kept: anyone can make up as many as they like.
  if (cache && row && mark !== undefined) cache.set(tokenHash, row, mark);
  return row;
}

/** The signed-in user behind a session token, or undefined when it is unknown, revoked, idle or too old. */
export async function resolveSession(deps: Deps, token: string) {
  const row = await readSession(deps, hashToken(deps.config.sessionSecret, token));
  if (!row || row.revoked_at || row.disabled_at) return undefined;
  const now = deps.clock.now();
  if (row.expires_at.getTime() <= now.getTime()) return undefined;
  if (row.last_seen_at.getTime() + SESSION_IDLE_MS <= now.getTime()) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) await touchSession(deps.db, row.sessionId, now);
  const user: SignedInUser = { id: row.id, email: row.email, name: row.name, language: row.language, isAdmin: row.is_admin };
  return { user, sessionId: row.sessionId, expiresAt: row.expires_at };
}

export async function endSession(deps: Deps, ctx: RequestContext): Promise<void> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.sessionId) return;
  const { user, sessionId } = ctx.actor;
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, sessionId, user.id, deps.clock.now());
    await recordAudit(trx, deps.clock, ctx, { action: 'session.end', resourceType: 'session', resourceId: sessionId });
  });
}

export async function listMySessions(deps: Deps, ctx: RequestContext, userId: string): Promise<Session[]> {
  const now = deps.clock.now();
  const rows = await listActiveSessions(deps.db, userId, new Date(now.getTime() - SESSION_IDLE_MS), now);
  const currentId = ctx.actor.kind === 'user' ? ctx.actor.sessionId : null;
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    userAgent: row.user_agent,
    method: row.method,
    current: row.id === currentId,
  }));
}

export async function revokeMySession(deps: Deps, ctx: RequestContext, userId: string, sessionId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await revokeSession(trx, sessionId, userId, deps.clock.now());
    if (!revoked) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'session.revoke', resourceType: 'session', resourceId: sessionId });
  });
}

export { revokeAllSessionsOf };
