import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/**
 * People are personal data: visible only to platform admins and to those who lead a space the
 * person belongs to. Everyone else is told the person does not exist.
 */
export function canSeePerson(actor: Actor, personSpaceIds: string[], ledSpaceIds: Set<string>): boolean {
  return isPlatformAdmin(actor) || personSpaceIds.some((id) => ledSpaceIds.has(id));
}

export const canEditPerson = canSeePerson;

/** Erasure (GDPR art. 17) by whoever may see the record. */
export const canErasePerson = canSeePerson;
