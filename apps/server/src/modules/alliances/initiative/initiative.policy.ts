import type { InitiativeAction } from '@samhandling/contracts';
import { isSignedIn, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/**
 * The lead keeps an initiative: the lead organisation's confirmed representatives, and the space's
 * leaders. They edit it, accept partners, write its log and run its calls for volunteers.
 */
export function canManageInitiative(actor: Actor, access: SpaceAccess, leadRepresentatives: readonly string[]): boolean {
  if (canLeadSpace(actor, access)) return true;
  return !access.archived && isSignedIn(actor) && leadRepresentatives.includes(actor.user.id);
}

/** Any organisation's representative may ask to join (with a commitment) while the space is open. */
export const canRequestPartnership = (actor: Actor, access: SpaceAccess, representsAny: boolean): boolean => !access.archived && isSignedIn(actor) && representsAny;

/** A partner's representatives may write to the log as well. */
export function canPostUpdate(actor: Actor, access: SpaceAccess, manages: boolean, partnerRepresentatives: readonly string[]): boolean {
  if (manages) return true;
  return !access.archived && isSignedIn(actor) && partnerRepresentatives.includes(actor.user.id);
}

export function initiativeActions(actor: Actor, access: SpaceAccess, state: { manages: boolean; representsAny: boolean; mayPost: boolean }): InitiativeAction[] {
  const actions: InitiativeAction[] = ['view'];
  if (state.manages) actions.push('update', 'manage_partners', 'manage_volunteers');
  if (canRequestPartnership(actor, access, state.representsAny)) actions.push('request_partnership');
  if (state.mayPost) actions.push('post_update');
  return actions;
}
