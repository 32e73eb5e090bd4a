import type { LibraryAction, SpaceRole } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/** What the policies need to know about an item: its visibility, its space and the caller's role there. */
export interface LibraryItemAccess {
  visibility: 'public' | 'members';
  archived: boolean;
  role: SpaceRole | null;
}

/** Public items are read by everyone; members-only items exist only for the space's members (404 for others). */
export const canViewLibraryItem = (actor: Actor, access: LibraryItemAccess): boolean =>
  access.visibility === 'public' || access.role !== null || isPlatformAdmin(actor);

/** Members of the space who take part (not observers) add and edit its items, while the space is not archived. */
export const canEditLibraryItem = (actor: Actor, access: Pick<LibraryItemAccess, 'archived' | 'role'>): boolean =>
  !access.archived && (isPlatformAdmin(actor) || access.role === 'member' || access.role === 'facilitator' || access.role === 'space_admin');

export function libraryItemActions(actor: Actor, access: LibraryItemAccess): LibraryAction[] {
  const actions: LibraryAction[] = ['view'];
  if (canEditLibraryItem(actor, access)) actions.push('update', 'upload_files');
  if (actor.kind === 'user') actions.push('link');
  return actions;
}
