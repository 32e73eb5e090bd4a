import type { ModelAction } from '@samhandling/contracts';
import { actorId, isPlatformAdmin, isSignedIn, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** Models are shared knowledge: everyone may read, copy and export them. */
export const canViewModel = (): boolean => true;

/** Anyone signed in may describe a model or import one; they are its author here. */
export const canCreateModel = (actor: Actor): boolean => isSignedIn(actor);

/** A model's author (or a platform admin) publishes its next version. */
export const canUpdateModel = (actor: Actor, createdBy: string | null): boolean =>
  isPlatformAdmin(actor) || (createdBy !== null && actorId(actor) === createdBy);

/** Applying sets up groups, events and plans in a space: only its leaders may. */
export const canApplyModelIn = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** A use is seen with its space: outsiders of a members-only space see only the municipality. */
export const canViewUse = (actor: Actor, access: SpaceAccess | null): boolean => access !== null && canViewSpace(actor, access);

/** A use's notes are the space's leaders' to write. */
export const canUpdateUse = (actor: Actor, access: SpaceAccess | null): boolean => access !== null && canLeadSpace(actor, access);

export function modelActions(actor: Actor, createdBy: string | null): ModelAction[] {
  const actions: ModelAction[] = ['view', 'export'];
  if (canUpdateModel(actor, createdBy)) actions.push('update');
  if (isSignedIn(actor)) actions.push('apply');
  return actions;
}
