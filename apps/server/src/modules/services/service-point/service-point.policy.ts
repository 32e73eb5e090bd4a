import type { ServicePointAction, ServicePointCollectionAction } from '@samhandling/contracts';
import { isSignedIn, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/**
 * Service points belong to a space: whoever may see the space sees its services (a public space's
 * map is public); those who lead the space keep the inventory; anyone signed in who sees it may
 * suggest a change, which a leader accepts or rejects.
 */
export const canViewServicePoints = (actor: Actor, space: SpaceAccess): boolean => canViewSpace(actor, space);

export const canEditServicePoints = (actor: Actor, space: SpaceAccess): boolean => canLeadSpace(actor, space);

export const canSuggestServicePointChange = (actor: Actor, space: SpaceAccess): boolean =>
  isSignedIn(actor) && !space.archived && canViewSpace(actor, space);

export const canDecideSuggestions = (actor: Actor, space: SpaceAccess): boolean => canLeadSpace(actor, space);

/** Who made a change is personal data: only those who lead the space see names in the history. */
export const canSeeWhoChanged = (actor: Actor, space: SpaceAccess): boolean => canLeadSpace(actor, space);

export function servicePointCollectionActions(actor: Actor, space: SpaceAccess): ServicePointCollectionAction[] {
  const actions: ServicePointCollectionAction[] = ['view', 'export'];
  if (canEditServicePoints(actor, space)) actions.push('create', 'import');
  if (canDecideSuggestions(actor, space)) actions.push('decide_suggestions');
  return actions;
}

export function servicePointActions(actor: Actor, space: SpaceAccess): ServicePointAction[] {
  const actions: ServicePointAction[] = ['view'];
  if (canEditServicePoints(actor, space)) actions.push('update');
  if (canSuggestServicePointChange(actor, space)) actions.push('suggest');
  if (canDecideSuggestions(actor, space)) actions.push('decide_suggestions');
  return actions;
}
