import type { Invitation, SpaceRole } from '@samhandling/contracts';
import type { Selectable } from 'kysely';
import type { InvitationsTable } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { startSession, type NewSession } from '../../accounts/session/session.service.ts';
import { createUser, findAccountByEmail } from '../../accounts/user/user.service.ts';
import { findMembershipRole, insertMembership } from '../membership/membership.repository.ts';
import { canInvite, canManageMembers } from '../space/space.policy.ts';
import { loadSpaceAccess } from '../space/space.service.ts';
import { findInvitationByTokenHash, insertInvitation, listInvitations, markAccepted, markRevoked } from './invitation.repository.ts';

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

function statusOf(row: Selectable<InvitationsTable>, now: Date): Invitation['status'] {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

function present(row: Selectable<InvitationsTable>, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status: statusOf(row, now),
  };
}

/** Invites by e-mail; whoever holds the link may join with the role (the link proves the address). */
export async function inviteMember(deps: Deps, ctx: RequestContext, spaceId: string, input: { email: string; role: SpaceRole }): Promise<Invitation> {
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canInvite(ctx.actor, access, input.role) || ctx.actor.kind !== 'user') {
    throw access.archived ? new AppError('conflict', 'errors.space_archived') : forbidden();
  }
  const inviter = ctx.actor.user;
  const existing = await findAccountByEmail(deps, input.email);
  if (existing) {
    const member = await findMembershipRole(deps.db, spaceId, existing.id);
    if (member) throw new AppError('conflict', 'errors.already_member', { email: 'errors.already_member' });
  }
  const language = existing?.language ?? ctx.language;
  const token = newToken();
  const now = deps.clock.now();
  const link = `${ctx.origin}/invitation#token=${token}`;
  const invitation = await deps.db.transaction().execute(async (trx) => {
    const row = await insertInvitation(trx, {
      spaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(deps.config.sessionSecret, token),
      invitedBy: inviter.id,
      now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await deps.mailer.enqueue(trx, {
      to: [input.email],
      subject: translate(language, 'mail.invitation.subject', { space: space.name }),
      text: `${translate(language, 'mail.invitation.text', {
        inviter: inviter.name,
        space: space.name,
        role: translate(language, `role.${input.role}`),
        link,
      })}\n\n${translate(language, 'mail.signature')}`,
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'invitation.create',
      resourceType: 'space',
      resourceId: spaceId,
      details: { invitationId: row.id, role: input.role },
    });
    return row;
  });
  void deps.mailer.deliverPending();
  return present(invitation, now);
}

export async function getInvitations(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Invitation[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canInvite(ctx.actor, access, 'member') && !canManageMembers(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  const now = deps.clock.now();
  return (await listInvitations(deps.db, spaceId)).map((row) => present(row, now));
}

export async function revokeInvitation(deps: Deps, ctx: RequestContext, spaceId: string, invitationId: string): Promise<void> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canInvite(ctx.actor, access, 'member')) throw access.role ? forbidden() : notFound();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markRevoked(trx, spaceId, invitationId, deps.clock.now()))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'invitation.revoke', resourceType: 'space', resourceId: spaceId, details: { invitationId } });
  });
}

async function openInvitation(deps: Deps, token: string) {
  const row = await findInvitationByTokenHash(deps.db, hashToken(deps.config.sessionSecret, token));
  if (!row || statusOf(row, deps.clock.now()) !== 'pending' || row.space_archived_at) {
    throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
  }
  return row;
}

export async function previewInvitation(deps: Deps, token: string) {
  const row = await openInvitation(deps, token);
  const account = await findAccountByEmail(deps, row.email);
  return { spaceId: row.space_id, spaceName: row.space_name, role: row.role, email: row.email, accountExists: account !== undefined };
}

/**
 * Accepts an invitation. Signed in: the caller joins. Otherwise the invited address's account
 * joins and is signed in (the link proves the address, as a magic link does), or a new account
 * is made with the given name and optional password.
 */
export async function acceptInvitation(
  deps: Deps,
  ctx: RequestContext,
  input: { token: string; name?: string | undefined; password?: string | undefined },
): Promise<{ spaceId: string; session: NewSession | null }> {
  const invitation = await openInvitation(deps, input.token);
  let userId: string;
  let signIn = false;
  if (ctx.actor.kind === 'user') {
    userId = ctx.actor.user.id;
  } else {
    const account = await findAccountByEmail(deps, invitation.email);
    if (account) {
      if (account.disabled_at) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
      userId = account.id;
    } else {
      if (!input.name) throw invalid({ name: 'validation.required' });
      userId = (await createUser(deps, ctx, { email: invitation.email, name: input.name, password: input.password, language: ctx.language })).id;
    }
    signIn = true;
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    if (!(await markAccepted(trx, invitation.id, userId, now))) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
    await insertMembership(trx, invitation.space_id, userId, invitation.role, now);
    await recordAudit(trx, deps.clock, ctx, {
      actorId: userId,
      action: 'invitation.accept',
      resourceType: 'space',
      resourceId: invitation.space_id,
      details: { invitationId: invitation.id, role: invitation.role },
    });
  });
  const session = signIn ? await startSession(deps, ctx, userId, 'invitation') : null;
  return { spaceId: invitation.space_id, session };
}
