import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canSeePeople, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** Leaders attach forms to events and keep the changes log. */
export const canManageFeedback = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** Results hold people's free texts: the space's leaders see them (and platform admins). */
export const canSeeFeedbackResults = (actor: Actor, access: SpaceAccess): boolean => canSeePeople(actor, access);
