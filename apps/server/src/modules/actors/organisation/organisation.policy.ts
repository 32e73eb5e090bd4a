import type { OrganisationAction } from '@samhandling/contracts';
import { isPlatformAdmin, isSignedIn, type Actor } from '../../../platform/actor.ts';

/** What the policies need: who created it and which spaces it takes part in. */
export interface OrganisationAccess {
  createdBy: string | null;
  spaceIds: string[];
  inUse: boolean;
}

export const canCreateOrganisation = (actor: Actor): boolean => isSignedIn(actor);

/** The registry is shared: its creator, platform admins and leaders of its spaces keep it true. */
export function canEditOrganisation(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  return access.createdBy === actor.user.id || access.spaceIds.some((id) => ledSpaceIds.has(id));
}

/** Removing takes away history others rely on: admins always, the creator only while unused. */
export function canDeleteOrganisation(actor: Actor, access: OrganisationAccess): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.kind === 'user' && access.createdBy === actor.user.id && !access.inUse && access.spaceIds.length === 0;
}

export function organisationActions(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>): OrganisationAction[] {
  const actions: OrganisationAction[] = [];
  if (canEditOrganisation(actor, access, ledSpaceIds)) actions.push('update');
  if (canDeleteOrganisation(actor, access)) actions.push('delete');
  return actions;
}
