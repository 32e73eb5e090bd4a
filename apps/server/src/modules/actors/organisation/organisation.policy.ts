import type { OrganisationAction } from '@samhandling/contracts';
import { isPlatformAdmin, isSignedIn, type Actor } from '../../../platform/actor.ts';

/**
 * What the policies need: who created it, which spaces it takes part in and who speaks for it.
 * An organisation is kept by its confirmed representatives and by platform admins; being a
 * leader of a space it takes part in is not ownership (issue 14 §1.1).
 */
export interface OrganisationAccess {
  createdBy: string | null;
  spaceIds: string[];
  inUse: boolean;
  /** Confirmed representatives (user ids). */
  representatives: string[];
  /** Those who asked to represent it and wait for a confirmation (user ids). */
  claimants: string[];
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.user.id : null);

export const isRepresentative = (actor: Actor, access: OrganisationAccess): boolean => {
  const id = userIdOf(actor);
  return id !== null && access.representatives.includes(id);
};

const leadsOneOfItsSpaces = (access: OrganisationAccess, ledSpaceIds: Set<string>) => access.spaceIds.some((id) => ledSpaceIds.has(id));

const isCreator = (actor: Actor, access: OrganisationAccess) => actor.kind === 'user' && access.createdBy === actor.user.id;

/**
 * Its creator keeps it while nobody else relies on it: no representative yet and in no space
 * but those the creator leads (a leader adding a village association to their own space).
 */
const isStillCreators = (actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>) =>
  isCreator(actor, access) && access.representatives.length === 0 && access.spaceIds.every((id) => ledSpaceIds.has(id));

export const canCreateOrganisation = (actor: Actor): boolean => isSignedIn(actor);

/** Its representatives and platform admins keep it true (and its creator until anyone else relies on it). */
export function canEditOrganisation(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>): boolean {
  return isPlatformAdmin(actor) || isRepresentative(actor, access) || isStillCreators(actor, access, ledSpaceIds);
}

/** Removing takes away history others rely on: admins always, the creator only while it is used nowhere. */
export function canDeleteOrganisation(actor: Actor, access: OrganisationAccess): boolean {
  return isPlatformAdmin(actor) || (isCreator(actor, access) && !access.inUse && access.spaceIds.length === 0 && access.representatives.length === 0);
}

/** A leader of a space it takes part in proposes changes; a representative or an admin decides. */
export function canSuggestOrganisationChange(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>): boolean {
  return isSignedIn(actor) && !canEditOrganisation(actor, access, ledSpaceIds) && leadsOneOfItsSpaces(access, ledSpaceIds);
}

export const canDecideOrganisationSuggestions = (actor: Actor, access: OrganisationAccess): boolean => isPlatformAdmin(actor) || isRepresentative(actor, access);

/** Anyone signed in may say they represent it (admins need not); a claim waits for a confirmation. */
export function canClaimRepresentation(actor: Actor, access: OrganisationAccess): boolean {
  const id = userIdOf(actor);
  return id !== null && !isPlatformAdmin(actor) && !access.representatives.includes(id) && !access.claimants.includes(id);
}

/**
 * Who confirms a claim: a platform admin, a confirmed representative, or — while the
 * organisation has no representative yet — a leader of a space it takes part in. Never the
 * claimant themselves.
 */
export function canConfirmRepresentative(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>, claimantId: string): boolean {
  if (isPlatformAdmin(actor)) return true;
  const id = userIdOf(actor);
  if (id === null || id === claimantId) return false;
  if (access.representatives.includes(id)) return true;
  return access.representatives.length === 0 && leadsOneOfItsSpaces(access, ledSpaceIds);
}

/** One steps down (or withdraws a claim) oneself; representatives and admins remove others; who may confirm a claim may turn it down. */
export function canRemoveRepresentative(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>, subject: { userId: string; status: 'pending' | 'confirmed' }): boolean {
  const id = userIdOf(actor);
  if (id === null) return false;
  if (id === subject.userId || isPlatformAdmin(actor) || access.representatives.includes(id)) return true;
  return subject.status === 'pending' && canConfirmRepresentative(actor, access, ledSpaceIds, subject.userId);
}

/** Pending claims are seen by those who may confirm them and by the claimant. */
export function canSeeClaim(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>, claimantId: string): boolean {
  return userIdOf(actor) === claimantId || canConfirmRepresentative(actor, access, ledSpaceIds, claimantId);
}

export function organisationActions(actor: Actor, access: OrganisationAccess, ledSpaceIds: Set<string>): OrganisationAction[] {
  const actions: OrganisationAction[] = [];
  if (canEditOrganisation(actor, access, ledSpaceIds)) actions.push('update');
  if (canDeleteOrganisation(actor, access)) actions.push('delete');
  if (canSuggestOrganisationChange(actor, access, ledSpaceIds)) actions.push('suggest');
  if (canClaimRepresentation(actor, access)) actions.push('represent');
  return actions;
}
