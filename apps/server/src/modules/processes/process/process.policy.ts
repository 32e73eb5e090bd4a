import type { ProcessAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** A process is seen with its space. */
export const canViewProcess = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

/** Leaders (facilitators, space admins) start processes, tick steps and set who is responsible. */
export const canRunProcess = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

export function processActions(actor: Actor, access: SpaceAccess): ProcessAction[] {
  return canRunProcess(actor, access) ? ['view', 'tick', 'update'] : ['view'];
}
