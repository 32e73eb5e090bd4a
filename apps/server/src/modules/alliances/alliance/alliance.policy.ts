import type { AllianceAction } from '@samhandling/contracts';
import { isSignedIn, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canSeePeople, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** An alliance is seen by whoever sees its space, and by everyone when it is public (its public page). */
export const canViewAlliance = (actor: Actor, access: SpaceAccess, alliance: { public: boolean }): boolean => alliance.public || canViewSpace(actor, access);

/** The space's leaders keep the alliance: its name and purpose, who is invited, whose request is accepted. */
export const canManageAlliance = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** A member's contact person is personal data: named only for those who lead the space. */
export const canSeeContactPeople = (actor: Actor, access: SpaceAccess): boolean => canSeePeople(actor, access);

/**
 * Acting for an organisation (asking to join, accepting an invitation, leaving): its confirmed
 * representatives. The space's leaders act for the alliance instead.
 */
export const canActForOrganisation = (actor: Actor, representatives: readonly string[]): boolean =>
  isSignedIn(actor) && representatives.includes(actor.user.id);

export function allianceActions(actor: Actor, access: SpaceAccess, state: { representsAny: boolean; representsMember: boolean }): AllianceAction[] {
  const actions: AllianceAction[] = ['view'];
  const manages = canManageAlliance(actor, access);
  if (manages) actions.push('update', 'manage_members');
  if (!access.archived && state.representsAny) actions.push('request_membership');
  if (manages || (!access.archived && state.representsMember)) actions.push('create_initiative');
  return actions;
}
