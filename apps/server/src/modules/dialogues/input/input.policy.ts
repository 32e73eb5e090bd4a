import type { InputAction, InputCollectionAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';
import { canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

const leads = (actor: Actor, access: SpaceAccess) => isPlatformAdmin(actor) || access.role === 'space_admin' || access.role === 'facilitator';

/** Inputs are as public as their space: a members-only space's inputs are its members' only. */
export const canViewInputs = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

/** Anyone who can see an open space may raise a need or an idea, with or without an account. */
export const canSubmitInput = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access) && !access.archived;

/** Entering paper or phone input on someone's behalf is for those who lead the space. */
export const canEnterOnBehalf = (actor: Actor, access: SpaceAccess): boolean => !access.archived && leads(actor, access);

/** Assessing, planning, closing and classifying inputs: the space's leaders. */
export const canTriageInput = (actor: Actor, access: SpaceAccess): boolean => !access.archived && leads(actor, access);

/** Who entered an input, whether it notifies someone, and hidden inputs: leaders only. */
export const canSeeInputInternals = (actor: Actor, access: SpaceAccess): boolean => leads(actor, access);

export function inputActions(actor: Actor, access: SpaceAccess): InputAction[] {
  return canTriageInput(actor, access) ? ['change_status', 'classify', 'hide'] : [];
}

/** What a space's inputs page may offer the caller. */
export function inputCollectionActions(actor: Actor, access: SpaceAccess): InputCollectionAction[] {
  const actions: InputCollectionAction[] = [];
  if (canSubmitInput(actor, access)) actions.push('submit');
  if (canEnterOnBehalf(actor, access)) actions.push('enter_on_behalf');
  if (canTriageInput(actor, access)) actions.push('triage');
  return actions;
}

/**
 * The status rules: received → being assessed → planned → done, or declined; a closed input
 * (done or declined) can be reopened for a new assessment. Nothing goes back to "received".
 */
const NEXT: Record<string, readonly string[]> = {
  received: ['being_assessed', 'planned', 'done', 'declined'],
  being_assessed: ['planned', 'done', 'declined'],
  planned: ['being_assessed', 'done', 'declined'],
  done: ['being_assessed'],
  declined: ['being_assessed'],
};

export const isAllowedTransition = (from: string, to: string): boolean => NEXT[from]?.includes(to) ?? false;
export const isClosedStatus = (status: string): boolean => status === 'done' || status === 'declined';
