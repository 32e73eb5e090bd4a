import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/** Who may record or remove a collaboration between two organisations. */
export interface CollaborationAccess {
  /** Spaces that either organisation takes part in. */
  spaceIds: string[];
  /** Who created either organisation. */
  organisationCreators: (string | null)[];
  createdBy: string | null;
}

export function canRecordCollaboration(actor: Actor, access: CollaborationAccess, ledSpaceIds: Set<string>): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  return access.spaceIds.some((id) => ledSpaceIds.has(id)) || access.organisationCreators.includes(actor.user.id);
}

export function canDeleteCollaboration(actor: Actor, access: CollaborationAccess, ledSpaceIds: Set<string>): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  return access.createdBy === actor.user.id || access.spaceIds.some((id) => ledSpaceIds.has(id));
}
