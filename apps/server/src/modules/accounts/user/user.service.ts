import type { Me, NotificationKind, NotificationMode, User } from '@samhandling/contracts';
import { notificationPreferencesOf, saveNotificationPreferences } from '../../notifications/preference/preference.service.ts';
import { anonymous, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, invalid, notFound, unauthenticated } from '../../../platform/errors.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { deleteUnusedAuthLinks } from '../auth/auth-link.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { revokeAllApiTokensOf } from '../api-token/api-token.service.ts';
import { revokeAllSessionsOf } from '../session/session.service.ts';
import { canChangeAdminFlags, canManageUsers } from './user.policy.ts';
import { presentUser } from './user.presenter.ts';
import { findUserByEmail, findUserById, insertUser, listMembershipsOfUser, listUsers, updateUser } from './user.repository.ts';

export interface NewUser {
  email: string;
  name: string;
  password?: string | undefined;
  isAdmin?: boolean;
  language?: 'sv' | 'en';
}

/** Creates an account; used by admins, the CLI, the demo seed and accepted invitations. */
export async function createUser(deps: Deps, ctx: { actor: Actor; requestId: string | null }, input: NewUser): Promise<User> {
  if (input.password) assertAcceptablePassword(input.password, input.email, 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw conflict('errors.email_taken', { email: 'errors.email_taken' });
    const row = await insertUser(trx, {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash,
      isAdmin: input.isAdmin ?? false,
      language: input.language ?? 'sv',
      now: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: row.id,
      details: { isAdmin: row.is_admin },
    });
    return presentUser(row);
  });
}

export async function getMe(deps: Deps, userId: string): Promise<Me | null> {
  const row = await findUserById(deps.db, userId);
  if (!row) return null;
  const memberships = await listMembershipsOfUser(deps.db, row.id);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    isAdmin: row.is_admin,
    hasPassword: row.password_hash !== null,
    memberships: memberships.sort((a, b) => bySwedishName({ name: a.spaceName }, { name: b.spaceName })),
    notifications: await notificationPreferencesOf(deps, row.id),
  };
}

export async function updateMe(
  deps: Deps,
  ctx: RequestContext,
  input: { name?: string | undefined; language?: 'sv' | 'en' | undefined; notifications?: Partial<Record<NotificationKind, NotificationMode>> | undefined },
) {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const userId = ctx.actor.user.id;
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
    });
    if (input.notifications) await saveNotificationPreferences(deps, trx, ctx, userId, input.notifications);
    await recordAudit(trx, deps.clock, ctx, { action: 'user.update_self', resourceType: 'user', resourceId: userId, details: { fields: Object.keys(input) } });
  });
  return getMe(deps, userId);
}

/**
 * What a new password takes away: every API token and every outstanding e-mailed link of the
 * account, and its sessions (all but `keepSessionId`).
 */
async function revokeCredentialsOf(trx: Parameters<typeof updateUser>[0], userId: string, now: Date, keepSessionId?: string) {
  await revokeAllSessionsOf(trx, userId, now, keepSessionId);
  await revokeAllApiTokensOf(trx, userId, now);
  await deleteUnusedAuthLinks(trx, userId);
}

/** Changing the password ends every other session, every API token and every outstanding link of the account. */
export async function changePassword(deps: Deps, ctx: RequestContext, input: { currentPassword?: string | undefined; newPassword: string }) {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const { user, sessionId } = ctx.actor;
  const row = await findUserById(deps.db, user.id);
  if (!row) throw unauthenticated();
  if (row.password_hash && !(await verifyPassword(row.password_hash, input.currentPassword ?? ''))) {
    throw invalid({ currentPassword: 'errors.bad_credentials' });
  }
  assertAcceptablePassword(input.newPassword, row.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash });
    await revokeCredentialsOf(trx, user.id, deps.clock.now(), sessionId ?? undefined);
    await recordAudit(trx, deps.clock, ctx, { action: 'user.change_password', resourceType: 'user', resourceId: user.id });
  });
}

export async function setPasswordFromReset(deps: Deps, requestId: string, userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash });
    await revokeCredentialsOf(trx, userId, deps.clock.now());
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId }, {
      actorId: userId,
      action: 'user.reset_password',
      resourceType: 'user',
      resourceId: userId,
    });
  });
}

export async function adminListUsers(deps: Deps, ctx: RequestContext, q?: string): Promise<User[]> {
  if (!canManageUsers(ctx.actor)) throw notFound();
  return (await listUsers(deps.db, q)).map(presentUser).sort(bySwedishName);
}

export async function adminCreateUser(deps: Deps, ctx: RequestContext, input: NewUser): Promise<User> {
  if (!canManageUsers(ctx.actor)) throw notFound();
  return createUser(deps, ctx, input);
}

export async function adminPatchUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { name?: string | undefined; isAdmin?: boolean | undefined; disabled?: boolean | undefined },
): Promise<User> {
  if (!canManageUsers(ctx.actor)) throw notFound();
  if ((input.isAdmin !== undefined || input.disabled !== undefined) && !canChangeAdminFlags(ctx.actor, id)) {
    throw new AppError('forbidden', 'errors.forbidden', { isAdmin: 'errors.forbidden' });
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await updateUser(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.isAdmin !== undefined ? { is_admin: input.isAdmin } : {}),
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? now : null } : {}),
    });
    if (!row) throw notFound();
    if (input.disabled) await revokeAllSessionsOf(trx, id, now);
    await recordAudit(trx, deps.clock, ctx, { action: 'user.admin_update', resourceType: 'user', resourceId: id, details: { fields: Object.keys(input), isAdmin: input.isAdmin, disabled: input.disabled } });
    return presentUser(row);
  });
}


/** For other modules: an account by e-mail address (they never reach the repository). */
export function findAccountByEmail(deps: Pick<Deps, 'db'>, email: string) {
  return findUserByEmail(deps.db, email);
}
