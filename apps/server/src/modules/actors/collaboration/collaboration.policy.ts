import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/**
 * Who may record or remove a collaboration. One recorded in a space is that space's view: its
 * leaders keep it. One without a space is the registry's: shown wherever both organisations
 * are, so only the organisations' representatives and platform admins keep it (issue 14 §1.1).
 */
export interface CollaborationAccess {
  /** The space whose view it is, or null for the registry's own. */
  spaceId: string | null;
  /** Confirmed representatives of either organisation. */
  representatives: string[];
}

export function canKeepCollaboration(actor: Actor, access: CollaborationAccess, ledSpaceIds: Set<string>): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  return access.spaceId !== null ? ledSpaceIds.has(access.spaceId) : access.representatives.includes(actor.user.id);
}

export const canRecordCollaboration = canKeepCollaboration;
export const canDeleteCollaboration = canKeepCollaboration;
