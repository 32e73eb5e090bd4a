import type { Member, MemberAction, SpaceRole } from '@samhandling/contracts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { profilesOpenIn } from '../../accounts/profile/profile.service.ts';
import { canManageMembers, canSeeMemberEmails, canViewMembers, type SpaceAccess } from '../space/space.policy.ts';
import { loadSpaceAccess } from '../space/space.service.ts';
import { countSpaceAdmins, deleteMembership, findMembershipRole, listMembers, updateMembershipRole } from './membership.repository.ts';

function memberActions(ctx: RequestContext, access: SpaceAccess, userId: string): MemberAction[] {
  const actions: MemberAction[] = [];
  if (canManageMembers(ctx.actor, access)) actions.push('change_role', 'remove');
  else if (ctx.actor.kind === 'user' && ctx.actor.user.id === userId) actions.push('remove');
  return actions;
}

export async function getMembers(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Member[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewMembers(ctx.actor, access)) throw forbidden();
  const showEmails = canSeeMemberEmails(ctx.actor, access);
  const rows = await listMembers(deps.db, spaceId);
  const withProfile = await profilesOpenIn(deps, rows.map((r) => r.user_id), actorId(ctx.actor), access.role !== null);
  return rows
    .map((row) => ({
      userId: row.user_id,
      name: row.name,
      email: showEmails ? row.email : null,
      role: row.role,
      joinedAt: row.created_at.toISOString(),
      hasProfile: withProfile.has(row.user_id),
      allowedActions: memberActions(ctx, access, row.user_id),
    }))
    .sort(bySwedishName);
}

async function assertKeepsAnAdmin(deps: Deps, trx: Deps['db'], spaceId: string, leavingRole: SpaceRole | undefined) {
  if (leavingRole !== 'space_admin') return;
  if ((await countSpaceAdmins(trx, spaceId)) <= 1) throw new AppError('conflict', 'errors.last_admin');
}

export async function changeMemberRole(deps: Deps, ctx: RequestContext, spaceId: string, userId: string, role: SpaceRole): Promise<Member> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageMembers(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  await deps.db.transaction().execute(async (trx) => {
    const current = await findMembershipRole(trx, spaceId, userId);
    if (!current) throw notFound();
    if (role !== 'space_admin') await assertKeepsAnAdmin(deps, trx, spaceId, current.role);
    await updateMembershipRole(trx, spaceId, userId, role);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'membership.change_role',
      resourceType: 'space',
      resourceId: spaceId,
      details: { userId, from: current.role, to: role },
    });
  });
  const members = await getMembers(deps, ctx, spaceId);
  return members.find((m) => m.userId === userId)!;
}

/** Space admins remove anyone; every member may leave. */
export async function removeMember(deps: Deps, ctx: RequestContext, spaceId: string, userId: string): Promise<void> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const self = ctx.actor.kind === 'user' && ctx.actor.user.id === userId;
  if (!self && !canManageMembers(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  await deps.db.transaction().execute(async (trx) => {
    const current = await findMembershipRole(trx, spaceId, userId);
    if (!current) throw notFound();
    await assertKeepsAnAdmin(deps, trx, spaceId, current.role);
    await deleteMembership(trx, spaceId, userId);
    await recordAudit(trx, deps.clock, ctx, {
      action: self ? 'membership.leave' : 'membership.remove',
      resourceType: 'space',
      resourceId: spaceId,
      details: { userId, role: current.role },
    });
  });
}
