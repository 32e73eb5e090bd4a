import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** Local targets are seen with their space. */
export const canViewLocalTargets = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

/** Those who lead the space set its local targets. */
export const canSetLocalTargets = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);
