import type { GroupAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canSeePeople, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** Groups are seen with their space: their organisations and balance, not who the people are. */
export const canViewGroup = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

/** Members are people, so personal data: only the space's leaders see names. */
export const canSeeGroupMembers = (actor: Actor, access: SpaceAccess): boolean => canSeePeople(actor, access);

/** Leaders form the groups, set their targets and add or remove members. */
export const canManageGroup = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

export function groupActions(actor: Actor, access: SpaceAccess): GroupAction[] {
  const actions: GroupAction[] = ['view'];
  if (canSeeGroupMembers(actor, access)) actions.push('view_members');
  if (canManageGroup(actor, access)) actions.push('update', 'manage_members');
  return actions;
}
